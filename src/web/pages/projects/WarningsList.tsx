import { Select, Space, Switch, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { WARNING_KINDS } from "../../../domain/projects.js";
import type { ProjectOut } from "../../../schemas/projects.js";
import { Pager, useCursorPages } from "../../components/paging.js";
import { RemoteSelect } from "../../components/RemoteSelect.js";
import { useT } from "../../i18n/index.js";
import { WarningTag, warningText } from "./parts.js";

type Line = ProjectOut["warnings"][number] & {
  project: { id: string; code: string; name: string };
  leadUnit: { id: string; name: string };
  region: { id: string; name: string };
};

/** Early warnings across the library: by region, unit, kind and level, open or cleared, each with its history. */
export function WarningsList() {
  const t = useT();
  const [open, setOpen] = useState(true);
  const [kind, setKind] = useState<string>();
  const [level, setLevel] = useState<string>();
  const [regionId, setRegionId] = useState<string>();
  const [leadUnitId, setLeadUnitId] = useState<string>();
  const pages = useCursorPages<Line>("/api/warnings", {
    open: open ? "true" : "false",
    kind,
    level,
    regionId,
    leadUnitId,
    limit: 25,
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <div style={{ width: 180 }}>
          <RemoteSelect
            path="/api/regions"
            allowClear
            placeholder={t("project.region")}
            value={regionId}
            onChange={(v) => setRegionId(v ?? undefined)}
          />
        </div>
        <div style={{ width: 200 }}>
          <RemoteSelect
            path="/api/units"
            allowClear
            placeholder={t("project.leadUnit")}
            value={leadUnitId}
            onChange={(v) => setLeadUnitId(v ?? undefined)}
          />
        </div>
        <Select
          allowClear
          placeholder={t("project.warning")}
          value={kind}
          onChange={setKind}
          style={{ width: 160 }}
          options={WARNING_KINDS.map((k) => ({ value: k, label: t(`warningKind.${k}`) }))}
        />
        <Select
          allowClear
          placeholder={t("notice.grade")}
          value={level}
          onChange={setLevel}
          style={{ width: 110 }}
          options={(["red", "yellow", "blue"] as const).map((l) => ({ value: l, label: t(`warningLevel.${l}`) }))}
        />
        <Space>
          <Switch size="small" checked={open} onChange={setOpen} />
          {t("warning.openOnly")}
        </Space>
      </Space>
      <Table<Line>
        rowKey="id"
        loading={pages.query.isFetching}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t("warning.empty") }}
        data-testid="warning-table"
        columns={[
          { title: t("project.warning"), dataIndex: "level", width: 90, render: (l) => <WarningTag level={l} /> },
          {
            title: t("project.name"),
            key: "project",
            width: 260,
            render: (_v, w) => (
              <Link to={`/projects/${w.project.id}`}>
                {w.project.code} {w.project.name}
              </Link>
            ),
          },
          { title: t("project.warningHistory"), key: "text", render: (_v, w) => warningText(w, t) },
          { title: t("project.region"), dataIndex: ["region", "name"], width: 100 },
          { title: t("project.leadUnit"), dataIndex: ["leadUnit", "name"], width: 160 },
          {
            title: t("project.raisedOn"),
            key: "history",
            width: 200,
            render: (_v, w) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {w.history.map((h) => `${h.on} ${t(`warningLevel.${h.level as "red"}`)}`).join(" → ")}
                {w.clearedOn ? ` → ${w.clearedOn} ${t("project.clearedOn")}` : ""}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Pager pages={pages} />
    </>
  );
}
