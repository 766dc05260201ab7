import { Card, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { NoticeOut } from "../../../schemas/supervision.js";
import { useSession } from "../../api/session.js";
import { Pager, useCursorPages } from "../../components/paging.js";
import { useT } from "../../i18n/index.js";
import { NoticeKindTag, NoticeStateTag, noticeText, when } from "./labels.js";

type Box = "to_us" | "from_us" | "all";

/** Reminders, urge notices and supervision notices: those to the reader's unit, those it sent, or all in scope. */
export function NoticesPage() {
  const t = useT();
  const { session } = useSession();
  const office = session?.user.roles.some((r) => r === "coordinator" || r === "admin" || r === "leader");
  const [box, setBox] = useState<Box>(office ? "all" : "to_us");
  const [kind, setKind] = useState<string>();
  const [grade, setGrade] = useState<string>();
  const [state, setState] = useState<string>();
  const pages = useCursorPages<NoticeOut>("/api/notices", { box, kind, grade, state, limit: 25 });
  return (
    <Card title={t("nav.notices")}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<Box>
          value={box}
          onChange={setBox}
          style={{ width: 150 }}
          data-testid="notice-box"
          options={(["to_us", "from_us", "all"] as const).map((b) => ({ value: b, label: t(`notice.box.${b}`) }))}
        />
        <Select
          allowClear
          placeholder={t("notice.filterKind")}
          value={kind}
          onChange={setKind}
          style={{ width: 150 }}
          options={(["reminder", "urge", "supervision"] as const).map((k) => ({ value: k, label: t(`notice.kind.${k}`) }))}
        />
        <Select
          allowClear
          placeholder={t("notice.filterGrade")}
          value={grade}
          onChange={setGrade}
          style={{ width: 120 }}
          options={(["blue", "yellow", "red"] as const).map((g) => ({ value: g, label: t(`notice.grade.${g}`) }))}
        />
        <Select
          allowClear
          placeholder={t("notice.filterState")}
          value={state}
          onChange={setState}
          style={{ width: 140 }}
          data-testid="notice-state-filter"
          options={(["awaiting", "overdue", "replied", "escalated"] as const).map((s) => ({
            value: s,
            label: t(`notice.state.${s}`),
          }))}
        />
      </Space>
      <Table<NoticeOut>
        rowKey="id"
        loading={pages.query.isFetching}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t("notice.empty") }}
        data-testid="notice-table"
        columns={[
          {
            title: t("notice.number"),
            dataIndex: "number",
            width: 80,
            render: (n, r) => <Link to={`/notices/${r.id}`}>{n}</Link>,
          },
          {
            title: t("notice.kind"),
            key: "kind",
            width: 170,
            render: (_v, r) => <NoticeKindTag kind={r.kind} grade={r.grade} />,
          },
          {
            title: t("notice.body"),
            key: "body",
            render: (_v, r) => (
              <Space direction="vertical" size={0}>
                <Link to={`/notices/${r.id}`}>
                  <Typography.Text ellipsis style={{ maxWidth: 360 }}>
                    {noticeText(r, t)}
                  </Typography.Text>
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    ...r.tasks.map((task) => `#${task.number} ${task.title}`),
                    ...r.projects.map((p) => `${p.code} ${p.name}`),
                  ].join("；")}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t("notice.from"), dataIndex: ["fromUnit", "name"], width: 180 },
          { title: t("notice.to"), dataIndex: ["toUnit", "name"], width: 180 },
          { title: t("notice.issuedAt"), dataIndex: "createdAt", width: 150, render: when },
          { title: t("notice.replyBy"), dataIndex: "replyBy", width: 120 },
          { title: t("notice.state"), key: "state", width: 110, render: (_v, r) => <NoticeStateTag state={r.state} /> },
        ]}
      />
      <Pager pages={pages} />
    </Card>
  );
}
