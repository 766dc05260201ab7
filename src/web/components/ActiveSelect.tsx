import { Select } from "antd";
import { useT } from "../i18n/index.js";

/** The list filter for records that can be deactivated: all, active, deactivated. */
export function ActiveSelect({ value, onChange }: { value: string; onChange(value: string): void }) {
  const t = useT();
  return (
    <Select
      style={{ width: 110 }}
      value={value}
      onChange={onChange}
      options={[
        { value: "all", label: t("common.all") },
        { value: "true", label: t("common.active") },
        { value: "false", label: t("common.inactive") },
      ]}
    />
  );
}
