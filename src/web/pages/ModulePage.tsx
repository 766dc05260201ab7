import { Card, Empty, Typography } from "antd";
import { useT } from "../i18n/index.js";

export interface ModuleInfo {
  key: "meetings" | "tasks" | "campaigns" | "supervision" | "projects" | "indicators" | "evaluations" | "bulletins";
  path: string;
}

export const MODULES: ModuleInfo[] = (
  ["meetings", "tasks", "campaigns", "supervision", "projects", "indicators", "evaluations", "bulletins"] as const
).map((key) => ({
  key,
  path: key,
}));

/** The modules still to come say what they will hold. */
export function ModulePage({ module }: { module: ModuleInfo }) {
  const t = useT();
  return (
    <Card title={t(`nav.${module.key}`)}>
      <Empty
        description={
          <div style={{ maxWidth: 520, margin: "0 auto" }}>
            <Typography.Paragraph strong>{t("home.soon")}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t(`module.${module.key}`)}</Typography.Paragraph>
          </div>
        }
      />
    </Card>
  );
}
