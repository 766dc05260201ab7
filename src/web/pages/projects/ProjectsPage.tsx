import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Card, Input, Progress, Select, Space, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { FUND_TYPES, PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STAGES } from "../../../domain/projects.js";
import type { ProjectSummaryOut } from "../../../schemas/projects.js";
import { withQuery } from "../../api/client.js";
import { useAbility } from "../../api/session.js";
import { Pager, useCursorPages } from "../../components/paging.js";
import { RemoteSelect } from "../../components/RemoteSelect.js";
import { useT } from "../../i18n/index.js";
import { ProjectForm } from "./ProjectForm.js";
import { ProjectImport } from "./ProjectImport.js";
import { WarningTag, wan } from "./parts.js";
import { RegionView } from "./RegionView.js";
import { WarningsList } from "./WarningsList.js";

type Sort = "code" | "name" | "totalInvestment" | "invested" | "warning";
interface Filters {
  q?: string;
  regionId?: string;
  level?: string;
  category?: string;
  fundType?: string;
  stage?: string;
  warning?: string;
  sort: Sort;
  order: "asc" | "desc";
}

/** The project library: every major project in scope, filtered, sorted and paged; and the warnings. */
export function ProjectsPage() {
  const t = useT();
  const navigate = useNavigate();
  const canCreate = useAbility("project.create");
  const [search] = useSearchParams();
  // From an evaluation's breakdown: the projects behind a figure.
  const [filters, setFilters] = useState<Filters>({ sort: "code", order: "asc", regionId: search.get("regionId") ?? undefined });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const pages = useCursorPages<ProjectSummaryOut>("/api/projects", { ...filters, limit: 25 });
  const sortOrder = (key: Sort) =>
    filters.sort === key ? (filters.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null;
  const library = (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("project.search")}
          onSearch={(q) => set({ q: q || undefined })}
          style={{ width: 220 }}
          data-testid="project-search"
        />
        <div style={{ width: 180 }}>
          <RemoteSelect
            path="/api/regions"
            allowClear
            placeholder={t("project.region")}
            value={filters.regionId}
            onChange={(v) => set({ regionId: v ?? undefined })}
          />
        </div>
        {(
          [
            ["level", PROJECT_LEVELS, "projectLevel"],
            ["category", PROJECT_CATEGORIES, "projectCategory"],
            ["fundType", FUND_TYPES, "fundType"],
            ["stage", PROJECT_STAGES, "projectStage"],
          ] as const
        ).map(([key, values, prefix]) => (
          <Select
            key={key}
            allowClear
            placeholder={t(`project.${key}`)}
            value={filters[key]}
            onChange={(v) => set({ [key]: v })}
            style={{ width: key === "fundType" ? 200 : 140 }}
            options={values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as "projectLevel.city") }))}
            data-testid={`project-filter-${key}`}
          />
        ))}
        <Select
          allowClear
          placeholder={t("project.warning")}
          value={filters.warning}
          onChange={(v) => set({ warning: v })}
          style={{ width: 130 }}
          data-testid="project-filter-warning"
          options={[
            { value: "any", label: t("project.warning") },
            ...(["red", "yellow", "blue"] as const).map((l) => ({ value: l, label: t(`warningLevel.${l}`) })),
            { value: "none", label: t("project.noWarning") },
          ]}
        />
      </Space>
      <Table<ProjectSummaryOut>
        rowKey="id"
        loading={pages.query.isFetching}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 1300 }}
        locale={{ emptyText: t("project.empty") }}
        data-testid="project-table"
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          if (s?.order) set({ sort: s.columnKey as Sort, order: s.order === "ascend" ? "asc" : "desc" });
          else set({ sort: "code", order: "asc" });
        }}
        columns={[
          { title: t("project.code"), dataIndex: "code", key: "code", width: 130, sorter: true, sortOrder: sortOrder("code") },
          {
            title: t("project.name"),
            dataIndex: "name",
            key: "name",
            sorter: true,
            sortOrder: sortOrder("name"),
            render: (v, p) => (
              <Space direction="vertical" size={0}>
                <Link to={`/projects/${p.id}`}>{v}</Link>
                <Space size={4}>
                  <Tag>{t(`projectCategory.${p.category}`)}</Tag>
                  {p.fundType && <Tag color="purple">{t(`fundType.${p.fundType}`)}</Tag>}
                </Space>
              </Space>
            ),
          },
          { title: t("project.region"), dataIndex: ["region", "name"], width: 100 },
          { title: t("project.leadUnit"), dataIndex: ["leadUnit", "name"], width: 170 },
          { title: t("project.level"), dataIndex: "level", width: 90, render: (v) => t(`projectLevel.${v as "city"}`) },
          { title: t("project.stage"), dataIndex: "stage", width: 100, render: (v) => t(`projectStage.${v as "started"}`) },
          {
            title: t("project.totalInvestment"),
            dataIndex: "totalInvestment",
            key: "totalInvestment",
            width: 140,
            align: "right",
            sorter: true,
            sortOrder: sortOrder("totalInvestment"),
            render: wan,
          },
          {
            title: t("project.invested"),
            dataIndex: "invested",
            key: "invested",
            width: 170,
            sorter: true,
            sortOrder: sortOrder("invested"),
            render: (v: number, p) => (
              <Space direction="vertical" size={0} style={{ width: "100%" }}>
                <Typography.Text>{wan(v)}</Typography.Text>
                <Progress percent={Math.min(100, Math.round((v / Math.max(p.totalInvestment, 1)) * 100))} size="small" />
              </Space>
            ),
          },
          { title: t("project.lastReport"), dataIndex: "lastReportPeriod", width: 100, render: (v) => v ?? "—" },
          {
            title: t("project.warning"),
            key: "warning",
            width: 90,
            sorter: true,
            sortOrder: sortOrder("warning"),
            render: (_v, p) => <WarningTag level={p.warningLevel} />,
          },
        ]}
      />
      <Pager pages={pages} />
    </>
  );
  return (
    <Card
      title={t("nav.projects")}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={withQuery("/api/projects/export", { ...filters, sort: undefined, order: undefined })}
            data-testid="project-export"
          >
            {t("project.export")}
          </Button>
          {canCreate && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="project-import">
              {t("project.import")}
            </Button>
          )}
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-project">
              {t("project.new")}
            </Button>
          )}
        </Space>
      }
    >
      <ProjectImport open={importing} onClose={() => setImporting(false)} />
      {creating && <ProjectForm onClose={() => setCreating(false)} onSaved={(p) => navigate(`/projects/${p.id}`)} />}
      <Tabs
        items={[
          { key: "library", label: t("project.library"), children: library },
          { key: "warnings", label: t("project.warnings"), children: <WarningsList /> },
          { key: "regions", label: t("project.regions"), children: <RegionView /> },
        ]}
      />
    </Card>
  );
}
