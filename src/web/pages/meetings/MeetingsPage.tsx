import { FileAddOutlined } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, Empty, Input, Select, Space, Table, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { MeetingSummaryOut } from "../../../schemas/meetings.js";
import { useSession } from "../../api/session.js";
import { Pager, useCursorPages } from "../../components/paging.js";
import { useT } from "../../i18n/index.js";
import { kindOptions } from "./options.js";

export function MeetingsPage() {
  const t = useT();
  const navigate = useNavigate();
  const roles = useSession().session?.user.roles ?? [];
  const canImport = roles.includes("coordinator") || roles.includes("admin");
  const [filters, setFilters] = useState<{ q?: string; kind?: string; from?: string; to?: string; order: "asc" | "desc" }>({
    order: "desc",
  });
  const pages = useCursorPages<MeetingSummaryOut>("/api/meetings", { ...filters, limit: 20 });

  return (
    <Card
      title={t("meeting.title")}
      extra={
        canImport && (
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            onClick={() => navigate("/meetings/import")}
            data-testid="import-meeting"
          >
            {t("meeting.import")}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("meeting.searchPlaceholder")}
          onSearch={(q) => setFilters({ ...filters, q })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder={t("meeting.kind")}
          style={{ width: 200 }}
          value={filters.kind}
          onChange={(kind) => setFilters({ ...filters, kind })}
          options={kindOptions(t)}
        />
        <DatePicker.RangePicker
          onChange={(r: [Dayjs | null, Dayjs | null] | null) =>
            setFilters({ ...filters, from: r?.[0]?.format("YYYY-MM-DD"), to: r?.[1]?.format("YYYY-MM-DD") })
          }
        />
      </Space>
      {pages.query.isError && <Alert type="error" showIcon title={t("common.loadFailed")} />}
      <Table<MeetingSummaryOut>
        rowKey="id"
        loading={pages.query.isFetching}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 900 }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setFilters({ ...filters, order: s?.order === "ascend" ? "asc" : "desc" });
        }}
        locale={{ emptyText: <Empty description={t("meeting.emptyList")} /> }}
        columns={[
          {
            title: t("meeting.heldOn"),
            dataIndex: "heldOn",
            key: "heldOn",
            width: 120,
            sorter: true,
            defaultSortOrder: "descend",
            render: (v) => v ?? "—",
          },
          { title: t("meeting.name"), dataIndex: "title", render: (v, m) => <Link to={`/meetings/${m.id}`}>{v}</Link> },
          {
            title: t("meeting.kind"),
            dataIndex: "kind",
            width: 190,
            render: (k) => <Tag>{t(`meeting.kind.${k as "other"}`)}</Tag>,
          },
          { title: t("meeting.presiders"), dataIndex: "presiders", width: 140, render: (p: string[]) => p.join("、") || "—" },
          { title: t("meeting.unit"), dataIndex: "unitName", width: 180 },
          { title: t("meeting.directiveCount"), dataIndex: "directiveCount", width: 100 },
        ]}
      />
      <Pager pages={pages} />
    </Card>
  );
}
