import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, InputNumber, Select, Space, Table } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import type { IndicatorOut, ValuesOut } from "../../../schemas/indicators.js";
import { ApiError, api } from "../../api/client.js";
import { useI18n } from "../../i18n/index.js";
import { regionName } from "./parts.js";

type Kind = "growth" | "value";
interface Draft {
  kind: Kind;
  amount: number | null;
}

/** The year's targets of an indicator for the city and each region under it; an empty amount removes a target. */
export function TargetsEditor({ indicator, regionId }: { indicator: IndicatorOut; regionId?: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [year, setYear] = useState(dayjs().year());
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const grid = useQuery({
    queryKey: ["/api/indicators", indicator.id, "values", year, regionId],
    queryFn: () => api.get<ValuesOut>(`/api/indicators/${indicator.id}/values`, { year, regionId }),
  });
  const defaultKind: Kind = indicator.additive || indicator.accumulation === "cumulative" ? "growth" : "value";
  useEffect(() => {
    if (!grid.data) return;
    setDrafts(
      new Map(
        grid.data.regions.map((r) => [
          r.id,
          r.target
            ? { kind: r.target.kind, amount: r.target.kind === "growth" ? r.target.growth : r.target.value }
            : { kind: defaultKind, amount: null },
        ]),
      ),
    );
  }, [grid.data, defaultKind]);
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/indicators/${indicator.id}/targets`, {
        year,
        targets: [...drafts].map(([id, d]) => ({ regionId: id, kind: d.kind, amount: d.amount })),
      }),
    onSuccess: () => {
      message.success(t("ind.targetsSaved"));
      client.invalidateQueries({ queryKey: ["/api/indicators", indicator.id] });
      client.invalidateQueries({ queryKey: ["/api/indicator-figures"] });
    },
    onError: (e) =>
      message.error(e instanceof ApiError ? e.fields.map((f) => f.message).join("; ") || e.message : t("error.network")),
  });
  const update = (id: string, patch: Partial<Draft>) =>
    setDrafts((m) => new Map(m).set(id, { ...(m.get(id) ?? { kind: defaultKind, amount: null }), ...patch }));
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Space wrap>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} addonBefore={t("ind.year")} />
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="targets-save">
          {t("ind.saveTargets")}
        </Button>
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={grid.isLoading}
        dataSource={grid.data?.regions ?? []}
        pagination={false}
        data-testid="targets-table"
        columns={[
          { title: t("ind.region"), key: "r", render: (_, r) => regionName(r, locale) },
          {
            title: t("ind.targetKind"),
            key: "k",
            width: 160,
            render: (_, r) => (
              <Select<Kind>
                size="small"
                style={{ width: 140 }}
                value={drafts.get(r.id)?.kind ?? defaultKind}
                onChange={(kind) => update(r.id, { kind })}
                options={(["growth", "value"] as const).map((k) => ({ value: k, label: t(`ind.targetKind.${k}`) }))}
              />
            ),
          },
          {
            title: t("ind.targetAmount"),
            key: "a",
            width: 160,
            render: (_, r) => (
              <InputNumber
                size="small"
                style={{ width: 140 }}
                value={drafts.get(r.id)?.amount ?? null}
                onChange={(amount) => update(r.id, { amount })}
                data-testid={`target-${r.code}`}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
