import { DownloadOutlined, NotificationOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Input, Select, Space, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { LIGHTS } from "../../../domain/light.js";
import { TASK_STATES } from "../../../domain/task-states.js";
import type { TaskSummaryOut } from "../../../schemas/tasks.js";
import { withQuery } from "../../api/client.js";
import { useAbility } from "../../api/session.js";
import { Pager, useCursorPages } from "../../components/paging.js";
import { RemoteSelect } from "../../components/RemoteSelect.js";
import { useT } from "../../i18n/index.js";
import { UrgeModal } from "../supervision/UrgeModal.js";
import { LedgerImport } from "./LedgerImport.js";
import { LightTag, ProgressCell, TaskStateTag } from "./parts.js";

type Filters = {
  q?: string;
  directiveId?: string;
  state?: string;
  light?: string;
  unitId?: string;
  regionId?: string;
  campaignId?: string;
  meetingId?: string;
  open?: string;
  dueFrom?: string;
  dueTo?: string;
  sort: "dueOn" | "number" | "progress" | "updatedAt";
  order: "asc" | "desc";
};

/** Tasks that can still be urged. */
const RUNNING: string[] = ["assigned", "accepted", "in_progress", "completion_requested", "returned"];

/** Every task in scope: filter by unit, state, light, deadline; sort; page. */
export function TasksPage() {
  const t = useT();
  const navigate = useNavigate();
  const canCreate = useAbility("task.create");
  const [search] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => ({
    sort: "dueOn",
    order: "asc",
    ...(search.get("directiveId") ? { directiveId: search.get("directiveId")! } : { open: "true" }),
    ...(search.get("campaignId") ? { campaignId: search.get("campaignId")! } : {}),
    ...(search.get("unitId") ? { unitId: search.get("unitId")! } : {}),
    // From an evaluation's breakdown: the tasks behind a figure.
    ...(search.get("regionId") ? { regionId: search.get("regionId")! } : {}),
    ...(search.get("dueFrom")
      ? { dueFrom: search.get("dueFrom")!, dueTo: search.get("dueTo") ?? undefined, open: undefined }
      : {}),
    ...(search.get("light") ? { light: search.get("light")! } : {}),
  }));
  const [importing, setImporting] = useState(false);
  const canUrge = useAbility("notice.create");
  const [selected, setSelected] = useState<string[]>([]);
  const [urging, setUrging] = useState(false);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const pages = useCursorPages<TaskSummaryOut>("/api/tasks", { ...filters, limit: 25 });
  const sortOrder = (key: Filters["sort"]) =>
    filters.sort === key ? (filters.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null;
  return (
    <Card
      title={t("nav.tasks")}
      extra={
        <Space wrap>
          {canUrge && selected.length > 0 && (
            <Button icon={<NotificationOutlined />} onClick={() => setUrging(true)} data-testid="urge-selected">
              {t("notice.urgeSelected", { count: selected.length })}
            </Button>
          )}
          {/* A plain link: the browser downloads the ledger with the session cookie, filtered as the list is. */}
          <Button
            icon={<DownloadOutlined />}
            href={withQuery("/api/tasks/ledger", { ...filters, sort: undefined, order: undefined })}
            data-testid="ledger-export"
          >
            {t("ledger.export")}
          </Button>
          {canCreate && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="ledger-import">
              {t("ledger.import")}
            </Button>
          )}
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/tasks/new")} data-testid="new-task">
              {t("task.new")}
            </Button>
          )}
        </Space>
      }
    >
      <LedgerImport open={importing} onClose={() => setImporting(false)} />
      <UrgeModal
        taskIds={selected}
        open={urging}
        onClose={() => {
          setUrging(false);
          setSelected([]);
        }}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("task.searchPlaceholder")}
          onSearch={(q) => set({ q })}
          style={{ width: 220 }}
          data-testid="task-search"
        />
        <Select
          style={{ width: 130 }}
          value={filters.open ?? "all"}
          onChange={(v) => set({ open: v === "all" ? undefined : v })}
          options={[
            { value: "true", label: t("task.openOnly") },
            { value: "false", label: t("task.finishedOnly") },
            { value: "all", label: t("common.all") },
          ]}
        />
        <Select
          allowClear
          placeholder={t("task.state")}
          style={{ width: 130 }}
          value={filters.state}
          onChange={(state) => set({ state })}
          options={TASK_STATES.map((s) => ({ value: s, label: t(`taskState.${s}`) }))}
          data-testid="filter-state"
        />
        <Select
          allowClear
          placeholder={t("task.light")}
          style={{ width: 110 }}
          value={filters.light}
          onChange={(light) => set({ light })}
          options={LIGHTS.map((l) => ({ value: l, label: t(`light.${l}`) }))}
          data-testid="filter-light"
        />
        <div style={{ width: 200 }}>
          <RemoteSelect
            path="/api/units"
            allowClear
            placeholder={t("task.unitFilter")}
            value={filters.unitId}
            onChange={(unitId) => set({ unitId: unitId ?? undefined })}
          />
        </div>
        <div style={{ width: 200 }}>
          <RemoteSelect
            path="/api/campaigns"
            allowClear
            placeholder={t("task.campaignFilter")}
            value={filters.campaignId}
            onChange={(campaignId) => set({ campaignId: campaignId ?? undefined })}
          />
        </div>
        <div style={{ width: 220 }}>
          <RemoteSelect
            path="/api/meetings"
            allowClear
            placeholder={t("task.meetingFilter")}
            value={filters.meetingId}
            onChange={(meetingId) => set({ meetingId: meetingId ?? undefined })}
          />
        </div>
        <DatePicker.RangePicker
          placeholder={[t("task.dueFrom"), t("task.dueTo")]}
          onChange={(r: [Dayjs | null, Dayjs | null] | null) =>
            set({ dueFrom: r?.[0]?.format("YYYY-MM-DD"), dueTo: r?.[1]?.format("YYYY-MM-DD") })
          }
        />
      </Space>
      <Table<TaskSummaryOut>
        rowKey="id"
        loading={pages.query.isFetching}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t("task.empty") }}
        data-testid="task-table"
        rowSelection={
          canUrge
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (task) => ({ disabled: !RUNNING.includes(task.state) }),
                preserveSelectedRowKeys: true,
              }
            : undefined
        }
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          if (s?.order) set({ sort: s.columnKey as Filters["sort"], order: s.order === "ascend" ? "asc" : "desc" });
          else set({ sort: "dueOn", order: "asc" });
        }}
        columns={[
          { title: "#", key: "number", dataIndex: "number", width: 80, sorter: true, sortOrder: sortOrder("number") },
          {
            title: t("task.title"),
            dataIndex: "title",
            render: (v, task) => (
              <Space direction="vertical" size={0}>
                <Link to={`/tasks/${task.id}`}>{v}</Link>
                {task.sourceMeetings[0] && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {task.sourceMeetings[0].title}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t("task.leadUnit"), dataIndex: ["leadUnit", "name"], width: 150 },
          {
            title: t("task.dueOn"),
            key: "dueOn",
            dataIndex: "dueOn",
            width: 120,
            sorter: true,
            sortOrder: sortOrder("dueOn"),
          },
          { title: t("task.state"), dataIndex: "state", width: 110, render: (s) => <TaskStateTag state={s} /> },
          { title: t("task.light"), dataIndex: "light", width: 100, render: (_v, task) => <LightTag task={task} /> },
          {
            title: t("task.progress"),
            key: "progress",
            dataIndex: "progress",
            width: 160,
            sorter: true,
            sortOrder: sortOrder("progress"),
            render: (_v, task) => <ProgressCell task={task} />,
          },
        ]}
      />
      <Pager pages={pages} />
    </Card>
  );
}
