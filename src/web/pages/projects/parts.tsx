import { Tag } from "antd";
import type { ProjectOut } from "../../../schemas/projects.js";
import type { Translate } from "../../i18n/index.js";
import { useT } from "../../i18n/index.js";

const WARNING_COLORS = { blue: "blue", yellow: "gold", red: "red" } as const;

export function WarningTag({ level }: { level: "blue" | "yellow" | "red" | null }) {
  const t = useT();
  if (!level) return <Tag color="green">{t("project.noWarning")}</Tag>;
  return (
    <Tag color={WARNING_COLORS[level]} data-testid="project-warning">
      {t(`warningLevel.${level}`)}
    </Tag>
  );
}

type WarningLine = Pick<ProjectOut["warnings"][number], "kind" | "node" | "detail">;

/** What a warning says: its kind, the node, and the figures behind it. */
export function warningText(w: WarningLine, t: Translate): string {
  const d = Object.fromEntries(Object.entries(w.detail).map(([k, v]) => [k, String(v)]));
  const node = w.node ? `${t(`node.${w.node}`)} · ` : "";
  return `${t(`warningKind.${w.kind}`)}${t("project.warningSep")}${node}${t(`warningDetail.${w.kind}`, d)}`;
}

/** 万元 with thousands separators. */
export const wan = (n: number | null | undefined) =>
  n === null || n === undefined ? "—" : n.toLocaleString("zh-CN", { maximumFractionDigits: 1 });
export const pct = (n: number | null | undefined) => (n === null || n === undefined ? "—" : `${n}%`);
