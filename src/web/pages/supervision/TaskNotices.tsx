import { useQuery } from "@tanstack/react-query";
import { Table } from "antd";
import { Link } from "react-router";
import type { NoticeOut } from "../../../schemas/supervision.js";
import { api, type Page } from "../../api/client.js";
import { useT } from "../../i18n/index.js";
import { NoticeKindTag, NoticeStateTag, noticeText, when } from "./labels.js";

/** The notices about one task, newest first. */
export function TaskNotices({ taskId }: { taskId: string }) {
  const t = useT();
  const { data, isFetching } = useQuery({
    queryKey: ["/api/notices", "task", taskId],
    queryFn: () => api.get<Page<NoticeOut>>("/api/notices", { taskId, limit: 50 }),
  });
  return (
    <Table<NoticeOut>
      rowKey="id"
      size="small"
      loading={isFetching}
      pagination={false}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t("notice.empty") }}
      data-testid="task-notices"
      columns={[
        { title: t("notice.number"), dataIndex: "number", width: 70, render: (n, r) => <Link to={`/notices/${r.id}`}>{n}</Link> },
        { title: t("notice.kind"), key: "kind", width: 160, render: (_v, r) => <NoticeKindTag kind={r.kind} grade={r.grade} /> },
        { title: t("notice.body"), key: "body", render: (_v, r) => noticeText(r, t) },
        { title: t("notice.issuedAt"), dataIndex: "createdAt", width: 140, render: when },
        { title: t("notice.state"), key: "state", width: 100, render: (_v, r) => <NoticeStateTag state={r.state} /> },
      ]}
    />
  );
}
