import { Tag } from "antd";
import { useT } from "../i18n/index.js";

export function StatusTag({ active }: { active: boolean }) {
  const t = useT();
  return active ? <Tag color="green">{t("common.active")}</Tag> : <Tag>{t("common.inactive")}</Tag>;
}
