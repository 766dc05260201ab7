import { FlagFilled } from "@ant-design/icons";
import { Button, Modal, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { shortfalls } from "../../../domain/evaluation.js";
import type { ResultOut } from "../../../schemas/evaluations.js";
import { useI18n } from "../../i18n/index.js";

type Row = ResultOut["rows"][number];
const num = (v: number | null | undefined, d = 2) => (v == null ? "—" : (Math.round(v * 10 ** d + 1e-9) / 10 ** d).toFixed(d));

/** The ranking, group by group, each row opening to its breakdown down to the figures. */
export function ResultTable({ result, regional }: { result: ResultOut; regional: boolean }) {
  const { t } = useI18n();
  const [gap, setGap] = useState<{ peer: Row; holder: Row } | null>(null);
  const criteria = new Map(result.criteria.map((c) => [c.id, c]));
  const holderOf = (r: Row) => result.rows.find((x) => x.group === r.group && x.flag === "red" && x.peerId !== r.peerId);
  const change = (r: Row) => {
    if (r.previousRank == null) return <Typography.Text type="secondary">{t("eval.new.peer")}</Typography.Text>;
    const d = r.previousRank - r.rank;
    if (d === 0) return t("eval.same");
    return (
      <Typography.Text type={d > 0 ? "success" : "danger"}>
        {d > 0 ? t("eval.up", { n: d }) : t("eval.down", { n: -d })}
      </Typography.Text>
    );
  };
  // Where a figure came from: the indicator's values, the tasks due in the period, the projects.
  const lastDay = new Date(Date.UTC(Number(result.to.slice(0, 4)), Number(result.to.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const link = (c: ResultOut["criteria"][number], peerId: string) => {
    if (c.indicatorId) return <Link to={`/indicators/${c.indicatorId}?month=${result.to}`}>{c.name}</Link>;
    const who = regional ? `regionId=${peerId}` : `unitId=${peerId}`;
    if (c.source === "task_red") return <Link to={`/tasks?${who}&light=red`}>{c.name}</Link>;
    if (c.source.startsWith("task_"))
      return <Link to={`/tasks?${who}&dueFrom=${result.from}-01&dueTo=${lastDay}`}>{c.name}</Link>;
    if (c.source.startsWith("project_") && regional) return <Link to={`/projects?regionId=${peerId}`}>{c.name}</Link>;
    return c.name;
  };
  return (
    <>
      <Table<Row>
        rowKey="peerId"
        size="middle"
        dataSource={result.rows}
        pagination={result.rows.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 700 + result.criteria.length * 110 }}
        data-testid="result-table"
        expandable={{
          expandedRowRender: (r) => (
            <Table
              rowKey="criterionId"
              size="small"
              pagination={false}
              data-testid={`breakdown-${r.peerId}`}
              dataSource={r.scores}
              columns={[
                {
                  title: t("eval.criterion"),
                  key: "c",
                  render: (_, s) => (criteria.get(s.criterionId) ? link(criteria.get(s.criterionId)!, r.peerId) : ""),
                },
                {
                  title: t("eval.source"),
                  key: "src",
                  render: (_, s) => t(`eval.source.${criteria.get(s.criterionId)?.source ?? "task_red"}`),
                },
                { title: t("eval.weight"), key: "w", align: "right", render: (_, s) => criteria.get(s.criterionId)?.weight },
                {
                  title: t("eval.figure"),
                  key: "f",
                  align: "right",
                  render: (_, s) =>
                    s.figure == null ? (
                      <Typography.Text type="warning">
                        {t("eval.missingRule", { rule: t(`eval.missing.${s.missing ?? "zero"}`) })}
                      </Typography.Text>
                    ) : (
                      num(s.figure, 1)
                    ),
                },
                { title: t("eval.rank"), key: "r", align: "right", render: (_, s) => s.rank ?? "—" },
                { title: t("eval.points"), key: "p", align: "right", render: (_, s) => num(s.points) },
              ]}
              footer={() =>
                r.adjustments.length ? (
                  <Space direction="vertical" size={0}>
                    {r.adjustments.map((a) => (
                      <span key={`${a.reason}-${a.points}`}>
                        {a.points > 0 ? "+" : ""}
                        {a.points} · {a.reason}
                      </span>
                    ))}
                  </Space>
                ) : null
              }
            />
          ),
        }}
        columns={[
          { title: t("eval.rank"), dataIndex: "rank", width: 70, fixed: "left" },
          { title: t("eval.peers"), dataIndex: "name", width: 140, fixed: "left" },
          ...(result.rows.some((r) => r.group) ? [{ title: t("eval.group"), dataIndex: "group", width: 110 }] : []),
          {
            title: "",
            key: "flag",
            width: 90,
            render: (_: unknown, r: Row) =>
              r.flag && (
                <Tag color={r.flag === "red" ? "red" : "gold"} icon={<FlagFilled />} data-testid={`flag-${r.flag}`}>
                  {t(`eval.flag.${r.flag}`)}
                </Tag>
              ),
          },
          {
            title: t("eval.total"),
            key: "total",
            align: "right" as const,
            width: 90,
            render: (_: unknown, r: Row) => <b>{num(r.total)}</b>,
          },
          ...result.criteria.map((c, i) => ({
            title: c.name,
            key: c.id,
            align: "right" as const,
            width: 110,
            // A criterion left out for want of a figure earns nothing and counts for nothing: a dash, not a 0.
            render: (_: unknown, r: Row) => (r.scores[i]?.missing === "exclude" ? "—" : num(r.scores[i]?.points)),
          })),
          {
            title: t("eval.adjustment"),
            key: "adj",
            align: "right" as const,
            width: 90,
            render: (_: unknown, r: Row) => num(r.adjustmentPoints),
          },
          { title: t("eval.change"), key: "chg", width: 100, render: (_: unknown, r: Row) => change(r) },
          {
            title: "",
            key: "gap",
            width: 110,
            render: (_: unknown, r: Row) => {
              const holder = holderOf(r);
              return (
                holder &&
                r.flag !== "red" && (
                  <Button size="small" onClick={() => setGap({ peer: r, holder })} data-testid={`gap-${r.peerId}`}>
                    {t("eval.whatItTakes")}
                  </Button>
                )
              );
            },
          },
        ]}
      />
      <Modal
        open={Boolean(gap)}
        footer={null}
        onCancel={() => setGap(null)}
        title={gap ? t("eval.whatItTakesFor", { peer: gap.peer.name, holder: gap.holder.name }) : ""}
      >
        {gap && (
          <Table
            rowKey="criterionId"
            size="small"
            pagination={false}
            data-testid="gap-table"
            dataSource={shortfalls(gap.peer, gap.holder)}
            columns={[
              {
                title: t("eval.criterion"),
                key: "c",
                render: (_, s) =>
                  s.criterionId === "adjustments" ? t("eval.adjustments") : (criteria.get(s.criterionId)?.name ?? ""),
              },
              {
                title: t("eval.behind"),
                key: "b",
                align: "right",
                render: (_, s) => <Typography.Text type={s.behind > 0 ? "danger" : "success"}>{num(s.behind)}</Typography.Text>,
              },
            ]}
          />
        )}
      </Modal>
    </>
  );
}
