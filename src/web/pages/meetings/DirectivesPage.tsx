import { Card, DatePicker, Input, Select, Space, Table, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import type { DirectiveListItem } from "../../../schemas/meetings.js";
import { useAbility } from "../../api/session.js";
import { Pager, useCursorPages } from "../../components/paging.js";
import { useT } from "../../i18n/index.js";
import { topicOptions } from "./options.js";
import { RepeatLinks } from "./RepeatLinks.js";

type DirectiveItem = DirectiveListItem;

/** Every directive across meetings: what was decided, where, and (with the tasks module) what became of it. */
export function DirectivesPage() {
  const t = useT();
  const canCreate = useAbility("task.create");
  const [filters, setFilters] = useState<{ q?: string; topic?: string; from?: string; to?: string; implemented?: string }>({});
  const pages = useCursorPages<DirectiveItem>("/api/directives", { ...filters, limit: 25 });
  return (
    <Card title={t("nav.directives")}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("directive.searchPlaceholder")}
          onSearch={(q) => setFilters({ ...filters, q })}
          style={{ width: 240 }}
          data-testid="directive-search"
        />
        <Select
          allowClear
          placeholder={t("directive.topic")}
          style={{ width: 160 }}
          value={filters.topic}
          onChange={(topic) => setFilters({ ...filters, topic })}
          options={topicOptions(t)}
        />
        <Select
          allowClear
          placeholder={t("directive.implemented")}
          style={{ width: 150 }}
          value={filters.implemented}
          onChange={(implemented) => setFilters({ ...filters, implemented })}
          options={[
            { value: "true", label: t("directive.implementedYes") },
            { value: "false", label: t("directive.implementedNo") },
          ]}
          data-testid="filter-implemented"
        />
        <DatePicker.RangePicker
          onChange={(r: [Dayjs | null, Dayjs | null] | null) =>
            setFilters({ ...filters, from: r?.[0]?.format("YYYY-MM-DD"), to: r?.[1]?.format("YYYY-MM-DD") })
          }
        />
      </Space>
      <Table<DirectiveItem>
        rowKey="id"
        loading={pages.query.isFetching}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t("common.empty") }}
        columns={[
          {
            title: t("directive.text"),
            dataIndex: "text",
            render: (v, d) => (
              <>
                {v}
                <RepeatLinks repeats={d.repeats} />
              </>
            ),
          },
          {
            title: t("directive.topic"),
            dataIndex: "topic",
            width: 120,
            render: (v) => <Tag color="blue">{t(`topic.${v as "other"}`)}</Tag>,
          },
          {
            title: t("directive.meeting"),
            dataIndex: "meetingTitle",
            width: 260,
            render: (v, d) => <Link to={`/meetings/${d.meetingId}`}>{v}</Link>,
          },
          { title: t("meeting.heldOn"), dataIndex: "heldOn", width: 110, render: (v) => v ?? "—" },
          {
            title: t("directive.tasks"),
            dataIndex: "taskCount",
            width: 150,
            render: (n: number, d) => (
              <Space size={4} wrap>
                {n > 0 ? (
                  <Link to={`/tasks?directiveId=${d.id}`}>
                    <Tag color="green">{t("directive.taskCount", { n })}</Tag>
                  </Link>
                ) : (
                  <Tag>{t("directive.noTasks")}</Tag>
                )}
                {canCreate && (
                  <Link to={`/tasks/new?meetingId=${d.meetingId}&directiveId=${d.id}`} data-testid="decompose-directive">
                    {t("directive.decompose")}
                  </Link>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Pager pages={pages} />
    </Card>
  );
}
