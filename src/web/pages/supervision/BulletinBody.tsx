import { Table, Typography } from "antd";
import { Link } from "react-router";
import type { BulletinOut } from "../../../schemas/bulletins.js";
import { useI18n } from "../../i18n/index.js";

type Content = BulletinOut["content"];
const pct = (v: number | null) => (v === null ? "—" : `${v}%`);

/** The bulletin as the .docx lays it out: title, opening, the six numbered sections, closing, office and date. */
export function BulletinBody({ bulletin: b }: { bulletin: BulletinOut }) {
  const { t, locale } = useI18n();
  const c: Content = b.content;
  const s = c.summary;
  const notices = [...c.supervision, ...c.unanswered.filter((u) => !c.supervision.some((x) => x.noticeId === u.noticeId))];
  const heading = (key: "summary" | "overdue" | "red" | "rankings" | "projects" | "notices") => (
    <Typography.Title level={5} style={{ marginTop: 20 }}>
      {t(`bulletin.section.${key}`)}
    </Typography.Title>
  );
  const none = <Typography.Paragraph type="secondary">{t("bulletin.none")}</Typography.Paragraph>;
  const taskColumns = (late: boolean) => [
    { title: "#", key: "i", width: 50, render: (_v: unknown, _r: unknown, i: number) => i + 1 },
    {
      title: t("task.title"),
      key: "title",
      render: (_v: unknown, r: Content["overdue"][number]) => (
        <Link to={`/tasks/${r.taskId}`}>
          #{r.number} {r.title}
        </Link>
      ),
    },
    { title: t("task.leadUnit"), dataIndex: "leadUnit", width: 160 },
    { title: t("task.dueOn"), dataIndex: "dueOn", width: 110 },
    ...(late ? [{ title: t("bulletin.daysLate"), dataIndex: "daysLate", width: 90, align: "right" as const }] : []),
    {
      title: t("bulletin.progress"),
      dataIndex: "progress",
      width: 80,
      align: "right" as const,
      render: (p: number) => `${Math.round(p)}%`,
    },
  ];
  return (
    <div style={{ maxWidth: 960, margin: "0 auto" }} data-testid="bulletin-body">
      <Typography.Title level={3} style={{ textAlign: "center", color: "#b71c1c" }}>
        {b.issuer.name}
      </Typography.Title>
      <Typography.Title level={4} style={{ textAlign: "center" }} data-testid="bulletin-title">
        {b.title}
      </Typography.Title>
      {b.opening
        .split(/\n+/)
        .filter(Boolean)
        .map((p) => (
          <Typography.Paragraph key={p} style={{ textIndent: "2em" }}>
            {p}
          </Typography.Paragraph>
        ))}
      {heading("summary")}
      <Typography.Paragraph style={{ textIndent: "2em" }}>
        {t("bulletin.summary", {
          asOf: c.asOf,
          tasks: s.tasks,
          due: s.due,
          closed: s.closed,
          onTime: s.closedOnTime,
          completion: pct(s.completionRate),
          onTimeRate: pct(s.onTimeRate),
          overdue: s.overdue,
          red: s.red,
        })}
      </Typography.Paragraph>
      {heading("overdue")}
      {c.overdue.length ? (
        <Table
          rowKey="taskId"
          size="small"
          pagination={false}
          dataSource={c.overdue}
          columns={taskColumns(true)}
          scroll={{ x: 700 }}
          data-testid="bulletin-overdue"
        />
      ) : (
        none
      )}
      {heading("red")}
      {c.red.length ? (
        <Table
          rowKey="taskId"
          size="small"
          pagination={false}
          dataSource={c.red}
          columns={taskColumns(false)}
          scroll={{ x: 700 }}
        />
      ) : (
        none
      )}
      {heading("rankings")}
      {c.rankings.length ? (
        <Table
          rowKey="unitId"
          size="small"
          pagination={false}
          dataSource={c.rankings}
          scroll={{ x: 700 }}
          data-testid="bulletin-rankings"
          columns={[
            { title: t("bulletin.rank"), dataIndex: "rank", width: 60 },
            { title: t("bulletin.unit"), dataIndex: "unit" },
            { title: t("bulletin.due"), dataIndex: "due", width: 80, align: "right" },
            { title: t("bulletin.closed"), dataIndex: "closed", width: 80, align: "right" },
            { title: t("bulletin.closedOnTime"), dataIndex: "closedOnTime", width: 90, align: "right" },
            { title: t("bulletin.overdue"), dataIndex: "overdue", width: 70, align: "right" },
            { title: t("bulletin.completionRate"), dataIndex: "completionRate", width: 90, align: "right", render: pct },
            { title: t("bulletin.onTimeRate"), dataIndex: "onTimeRate", width: 90, align: "right", render: pct },
          ]}
        />
      ) : (
        none
      )}
      {heading("projects")}
      {c.projects?.length ? (
        <Table
          rowKey="projectId"
          size="small"
          pagination={false}
          dataSource={c.projects}
          scroll={{ x: 700 }}
          data-testid="bulletin-projects"
          columns={[
            {
              title: t("project.name"),
              key: "name",
              render: (_v, p) => (
                <Link to={`/projects/${p.projectId}`}>
                  {p.code} {p.name}
                </Link>
              ),
            },
            { title: t("project.leadUnit"), dataIndex: "leadUnit", width: 170 },
            {
              title: t("project.warning"),
              key: "kinds",
              width: 220,
              render: (_v, p) => p.kinds.map((k) => t(`warningKind.${k as "no_report"}`)).join(locale === "en" ? ", " : "、"),
            },
            {
              title: t("project.invested"),
              dataIndex: "invested",
              width: 150,
              align: "right",
              render: (v: number) => v.toLocaleString("zh-CN"),
            },
          ]}
        />
      ) : (
        none
      )}
      {heading("notices")}
      {notices.length ? (
        <Table
          rowKey="noticeId"
          size="small"
          pagination={false}
          dataSource={notices}
          scroll={{ x: 700 }}
          data-testid="bulletin-notices"
          columns={[
            {
              title: t("notice.number"),
              dataIndex: "number",
              width: 70,
              render: (n, r) => <Link to={`/notices/${r.noticeId}`}>{n}</Link>,
            },
            {
              title: t("notice.kind"),
              key: "kind",
              width: 160,
              render: (_v, r) => `${t(`notice.kind.${r.kind}`)}${r.grade ? ` · ${t(`notice.grade.${r.grade}`)}` : ""}`,
            },
            { title: t("notice.to"), dataIndex: "toUnit" },
            { title: t("notice.issuedAt"), dataIndex: "issuedOn", width: 110 },
            { title: t("notice.replyBy"), dataIndex: "replyBy", width: 110 },
            {
              title: t("notice.state"),
              key: "replied",
              width: 90,
              render: (_v, r) => t(r.replied ? "bulletin.noticeState.replied" : "bulletin.noticeState.unanswered"),
            },
          ]}
        />
      ) : (
        none
      )}
      {c.flags?.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t("nav.evaluations")}
          </Typography.Title>
          <Table
            rowKey={(f) => `${f.schemeId}-${f.period}`}
            size="small"
            pagination={false}
            dataSource={c.flags}
            data-testid="bulletin-flags"
            columns={[
              { title: t("eval.name"), key: "s", render: (_v, f) => <Link to={`/evaluations/${f.schemeId}`}>{f.scheme}</Link> },
              { title: t("eval.computeFor"), dataIndex: "period", width: 100 },
              { title: t("eval.flag.red"), key: "r", render: (_v, f) => f.red.join(locale === "en" ? ", " : "、") || "—" },
              { title: t("eval.flag.yellow"), key: "y", render: (_v, f) => f.yellow.join(locale === "en" ? ", " : "、") || "—" },
            ]}
          />
        </>
      ) : null}
      {b.closing
        .split(/\n+/)
        .filter(Boolean)
        .map((p) => (
          <Typography.Paragraph key={p} style={{ textIndent: "2em", marginTop: 16 }}>
            {p}
          </Typography.Paragraph>
        ))}
      <Typography.Paragraph style={{ textAlign: "right", marginTop: 24 }}>
        {b.issuer.name}
        <br />
        {(b.publishedAt ?? b.generatedAt).slice(0, 10)}
      </Typography.Paragraph>
    </div>
  );
}
