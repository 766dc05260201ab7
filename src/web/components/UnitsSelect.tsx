import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useState } from "react";
import { api, type Page } from "../api/client.js";
import { useI18n } from "../i18n/index.js";

interface UnitItem {
  id: string;
  name: string;
  nameEn: string | null;
}

/** Several active units, searched by name; labels of units already chosen are remembered across searches. */
export function UnitsSelect({
  value = [],
  onChange,
  placeholder,
  initialLabels = {},
  excludeId,
  testId,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  placeholder?: string;
  initialLabels?: Record<string, string>;
  excludeId?: string | null;
  testId?: string;
}) {
  const { locale, t } = useI18n();
  const [q, setQ] = useState("");
  const [labels, setLabels] = useState<Record<string, string>>(initialLabels);
  const results = useQuery({
    queryKey: ["/api/units", "multi", q],
    queryFn: () => api.get<Page<UnitItem>>("/api/units", { q, active: "true", limit: 30 }),
  });
  const label = (u: UnitItem) => (locale === "en" && u.nameEn ? u.nameEn : u.name);
  const options = (results.data?.items ?? []).filter((u) => u.id !== excludeId).map((u) => ({ value: u.id, label: label(u) }));
  for (const id of value) if (!options.some((o) => o.value === id)) options.unshift({ value: id, label: labels[id] ?? id });
  return (
    <Select
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(ids: string[]) => {
        const known = { ...labels };
        for (const o of options) known[o.value] = o.label;
        setLabels(known);
        onChange?.(ids);
      }}
      options={options}
      loading={results.isFetching}
      placeholder={placeholder}
      notFoundContent={t("common.empty")}
      data-testid={testId}
      style={{ width: "100%" }}
    />
  );
}
