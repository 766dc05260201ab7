import { HistoryOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Drawer, InputNumber, Space, Table, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import type { IndicatorOut, ValuesOut } from "../../../schemas/indicators.js";
import { ApiError, api } from "../../api/client.js";
import { useI18n } from "../../i18n/index.js";
import { fmt, regionName } from "./parts.js";

type RegionRow = ValuesOut["regions"][number];
interface Revision {
  revision: number;
  value: number;
  reportedGrowth: number | null;
  source: string;
  sourceName: string | null;
  changedByName: string;
  changedAt: string;
}

/** A year of values, region by period, typed in by whoever publishes the indicator; every change becomes a revision. */
export function ValuesGrid({ indicator, regionId }: { indicator: IndicatorOut; regionId?: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [year, setYear] = useState<number>(Number((indicator.latestPeriod ?? dayjs().format("YYYY-MM")).slice(0, 4)));
  const [edits, setEdits] = useState<Map<string, { regionId: string; period: string; value: number }>>(new Map());
  const [history, setHistory] = useState<{ region: RegionRow; period: string } | null>(null);
  const canEnter = indicator.abilities.enter;
  const grid = useQuery({
    queryKey: ["/api/indicators", indicator.id, "values", year, regionId],
    queryFn: () => api.get<ValuesOut>(`/api/indicators/${indicator.id}/values`, { year, regionId }),
  });
  const save = useMutation({
    mutationFn: () =>
      api.put<{ saved: number; unchanged: number }>(`/api/indicators/${indicator.id}/values`, {
        values: [...edits.values()].map((e) => ({
          ...e,
          reportedGrowth: grid.data?.regions.find((r) => r.id === e.regionId)?.cells[e.period]?.reportedGrowth ?? null,
        })),
      }),
    onSuccess: (r) => {
      message.success(t("ind.valuesSaved", r));
      setEdits(new Map());
      client.invalidateQueries({ queryKey: ["/api/indicators", indicator.id] });
      client.invalidateQueries({ queryKey: ["/api/indicator-figures"] });
    },
    onError: (e) =>
      message.error(e instanceof ApiError ? e.fields.map((f) => f.message).join("; ") || e.message : t("error.network")),
  });
  const periods = grid.data?.periods ?? [];
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Space wrap>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} addonBefore={t("ind.year")} />
        {canEnter && (
          <Button
            type="primary"
            disabled={!edits.size}
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="values-save"
          >
            {t("ind.saveValues")}
            {edits.size ? ` (${edits.size})` : ""}
          </Button>
        )}
      </Space>
      <Table<RegionRow>
        rowKey="id"
        size="small"
        loading={grid.isLoading}
        dataSource={grid.data?.regions ?? []}
        pagination={false}
        scroll={{ x: 140 + periods.length * 130 }}
        data-testid="values-grid"
        columns={[
          { title: t("ind.region"), key: "r", fixed: "left", width: 140, render: (_, r) => regionName(r, locale) },
          ...periods.map((period) => ({
            title: period.slice(5),
            key: period,
            width: 130,
            render: (_: unknown, r: RegionRow) => {
              const cell = r.cells[period];
              const key = `${r.id} ${period}`;
              const edited = edits.get(key);
              const historyButton = cell && cell.revision > 1 && (
                <Tooltip title={t("ind.revisions")}>
                  <Button
                    size="small"
                    type="text"
                    icon={<HistoryOutlined />}
                    onClick={() => setHistory({ region: r, period })}
                    data-testid={`history-${r.code}-${period}`}
                  />
                </Tooltip>
              );
              if (!canEnter)
                return (
                  <Space size={0}>
                    {fmt(cell?.value, indicator.decimals, locale)}
                    {historyButton}
                  </Space>
                );
              return (
                <Space size={0}>
                  <InputNumber
                    size="small"
                    style={{ width: 96, background: edited ? "#fffbe6" : undefined }}
                    value={edited?.value ?? cell?.value ?? null}
                    precision={indicator.decimals}
                    data-testid={`cell-${r.code}-${period}`}
                    onChange={(v) =>
                      setEdits((m) => {
                        const next = new Map(m);
                        if (v == null || v === cell?.value) next.delete(key);
                        else next.set(key, { regionId: r.id, period, value: v });
                        return next;
                      })
                    }
                  />
                  {historyButton}
                </Space>
              );
            },
          })),
        ]}
      />
      <RevisionsDrawer
        indicatorId={indicator.id}
        decimals={indicator.decimals}
        target={history}
        onClose={() => setHistory(null)}
      />
    </Space>
  );
}

function RevisionsDrawer({
  indicatorId,
  decimals,
  target,
  onClose,
}: {
  indicatorId: string;
  decimals: number;
  target: { region: RegionRow; period: string } | null;
  onClose(): void;
}) {
  const { t, locale } = useI18n();
  const revisions = useQuery({
    queryKey: ["/api/indicators", indicatorId, "revisions", target?.region.id, target?.period],
    queryFn: () =>
      api.get<{ items: Revision[] }>(`/api/indicators/${indicatorId}/revisions`, {
        regionId: target?.region.id,
        period: target?.period,
      }),
    enabled: Boolean(target),
  });
  return (
    <Drawer
      open={Boolean(target)}
      onClose={onClose}
      title={target ? `${t("ind.revisions")} · ${regionName(target.region, locale)} · ${target.period}` : ""}
    >
      <Table<Revision>
        rowKey="revision"
        size="small"
        pagination={false}
        loading={revisions.isLoading}
        dataSource={revisions.data?.items ?? []}
        data-testid="revisions"
        columns={[
          { title: t("ind.revision"), dataIndex: "revision", width: 60 },
          { title: t("ind.value"), key: "v", align: "right", render: (_, r) => fmt(r.value, decimals, locale) },
          {
            title: t("ind.changedBy"),
            key: "by",
            render: (_, r) => (
              <>
                {r.changedByName}
                <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                  {r.source === "import" ? t("ind.viaImport", { name: r.sourceName ?? "" }) : t("ind.viaEntry")}
                </Typography.Text>
              </>
            ),
          },
          { title: t("ind.changedAt"), key: "at", render: (_, r) => dayjs(r.changedAt).format("YYYY-MM-DD HH:mm") },
        ]}
      />
    </Drawer>
  );
}
