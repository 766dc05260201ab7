import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useState } from "react";
import { api, type Page } from "../api/client.js";
import { useI18n } from "../i18n/index.js";

interface Named {
  id: string;
  name?: string;
  title?: string;
  nameEn?: string | null;
  code?: string | null;
}

/** A searchable select over a list endpoint (units, regions, meetings); units and regions offer only active records. */
export function RemoteSelect({
  path,
  value,
  onChange,
  placeholder,
  allowClear,
  initialLabel,
  excludeId,
  testId,
}: {
  path: "/api/units" | "/api/regions" | "/api/meetings" | "/api/campaigns";
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  initialLabel?: string;
  excludeId?: string;
  testId?: string;
}) {
  const { locale, t } = useI18n();
  const [q, setQ] = useState("");
  const results = useQuery({
    queryKey: [path, "select", q],
    queryFn: () =>
      api.get<Page<Named>>(path, {
        q,
        ...(path === "/api/units" || path === "/api/regions" ? { active: "true" } : {}),
        limit: 30,
      }),
  });
  const options = (results.data?.items ?? [])
    .filter((r) => r.id !== excludeId)
    .map((r) => ({
      value: r.id,
      label: `${r.title ?? (locale === "en" && r.nameEn ? r.nameEn : r.name)}${r.code ? ` (${r.code})` : ""}`,
    }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={results.isFetching}
      allowClear={allowClear}
      placeholder={placeholder}
      notFoundContent={t("common.empty")}
      data-testid={testId}
      style={{ width: "100%" }}
    />
  );
}
