import { FileAddOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Card, DatePicker, Space, Table } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { AnalysisOut } from "../../../schemas/analyses.js";
import { ApiError, api } from "../../api/client.js";
import { useAbility } from "../../api/session.js";
import { Pager, useCursorPages } from "../../components/paging.js";
import { useT } from "../../i18n/index.js";

interface Summary {
  id: string;
  number: number;
  title: string;
  period: string;
  region: { id: string; name: string };
  createdByName: string;
  updatedAt: string;
}

/** The month's operation analyses: drafted from the figures, kept for editing and export. */
export function AnalysesPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const canCreate = useAbility("analysis.create");
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [draftMonth, setDraftMonth] = useState<Dayjs>(dayjs().subtract(1, "month"));
  const pages = useCursorPages<Summary>("/api/analyses", { month: month?.format("YYYY-MM"), limit: 20 });
  const draft = useMutation({
    mutationFn: () => api.post<AnalysisOut>("/api/analyses", { month: draftMonth.format("YYYY-MM") }),
    onSuccess: (a) => navigate(`/analyses/${a.id}`),
    onError: (e) =>
      message.error(e instanceof ApiError ? e.fields.map((f) => f.message).join("; ") || e.message : t("error.network")),
  });
  return (
    <Card
      title={t("analysis.list")}
      extra={
        canCreate && (
          <Space wrap>
            <DatePicker
              picker="month"
              allowClear={false}
              value={draftMonth}
              onChange={(d) => d && setDraftMonth(d)}
              data-testid="analysis-month"
            />
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              loading={draft.isPending}
              onClick={() => draft.mutate()}
              data-testid="analysis-generate"
            >
              {t("analysis.generate")}
            </Button>
          </Space>
        )
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <DatePicker picker="month" value={month} onChange={setMonth} placeholder={t("analysis.period")} />
      </Space>
      <Table<Summary>
        rowKey="id"
        size="middle"
        loading={pages.query.isLoading}
        dataSource={pages.items}
        pagination={false}
        locale={{ emptyText: t("analysis.empty") }}
        data-testid="analysis-table"
        columns={[
          { title: "#", dataIndex: "number", width: 60 },
          { title: t("analysis.title"), key: "title", render: (_, a) => <Link to={`/analyses/${a.id}`}>{a.title}</Link> },
          { title: t("analysis.period"), dataIndex: "period", width: 100 },
          { title: t("ind.region"), key: "region", width: 120, render: (_, a) => a.region.name },
          { title: t("analysis.author"), dataIndex: "createdByName", width: 120 },
          {
            title: t("analysis.updatedAt"),
            key: "at",
            width: 160,
            render: (_, a) => dayjs(a.updatedAt).format("YYYY-MM-DD HH:mm"),
          },
        ]}
      />
      <Pager pages={pages} />
    </Card>
  );
}
