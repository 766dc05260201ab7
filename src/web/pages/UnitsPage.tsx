import { ApartmentOutlined, PlusOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Checkbox, Input, Segmented, Select, Space, Table, Tag, Tree, type TreeDataNode } from "antd";
import { useCallback, useEffect, useState } from "react";
import { UNIT_KINDS } from "../../domain/people.js";
import type { UnitOut } from "../../schemas/units.js";
import { api, type Page } from "../api/client.js";
import { useAbility } from "../api/session.js";
import { ActiveSelect } from "../components/ActiveSelect.js";
import { ActiveToggle } from "../components/ActiveToggle.js";
import { Pager, sortFrom, useCursorPages } from "../components/paging.js";
import { RemoteSelect } from "../components/RemoteSelect.js";
import { StatusTag } from "../components/StatusTag.js";
import { useI18n } from "../i18n/index.js";
import { ChannelsDrawer } from "./supervision/ChannelsDrawer.js";
import { UnitForm } from "./UnitForm.js";

export function UnitsPage() {
  const { t, locale } = useI18n();
  const canEdit = useAbility("unit.update");
  const queryClient = useQueryClient();
  const [view, setView] = useState<"table" | "tree">("table");
  const [filters, setFilters] = useState<{
    q?: string;
    regionId?: string;
    withinRegion: "true" | "false";
    kind?: string;
    active: string;
    sort: string;
    order: string;
  }>({
    withinRegion: "true",
    active: "all",
    sort: "name",
    order: "asc",
  });
  const [editing, setEditing] = useState<UnitOut | "new" | null>(null);
  const [channelsOf, setChannelsOf] = useState<UnitOut | null>(null);
  const canChannels = useAbility("notice.create");
  const pages = useCursorPages<UnitOut>("/api/units", { ...filters, limit: 20 }, view === "table");
  const name = (u: UnitOut) => (locale === "en" && u.nameEn ? u.nameEn : u.name);

  return (
    <Card
      title={t("unit.title")}
      extra={
        <Space wrap>
          <Segmented
            value={view}
            onChange={(v) => setView(v as "table" | "tree")}
            options={[
              { value: "table", label: t("unit.viewTable"), icon: <UnorderedListOutlined /> },
              { value: "tree", label: t("unit.viewTree"), icon: <ApartmentOutlined /> },
            ]}
          />
          {canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="new-unit">
              {t("common.create")}
            </Button>
          )}
        </Space>
      }
    >
      {view === "tree" ? (
        <UnitTree label={name} />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search
              allowClear
              placeholder={t("unit.searchPlaceholder")}
              onSearch={(q) => setFilters({ ...filters, q })}
              style={{ width: 240 }}
              data-testid="unit-search"
            />
            <div style={{ width: 220 }}>
              <RemoteSelect
                path="/api/regions"
                allowClear
                placeholder={t("unit.region")}
                value={filters.regionId}
                onChange={(v) => setFilters({ ...filters, regionId: v ?? undefined })}
              />
            </div>
            <Checkbox
              checked={filters.withinRegion === "true"}
              onChange={(e) => setFilters({ ...filters, withinRegion: e.target.checked ? "true" : "false" })}
            >
              {t("unit.withinRegion")}
            </Checkbox>
            <Select
              allowClear
              placeholder={t("unit.kind")}
              style={{ width: 140 }}
              value={filters.kind}
              onChange={(kind) => setFilters({ ...filters, kind })}
              options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unit.kind.${k}`) }))}
            />
            <ActiveSelect value={filters.active} onChange={(active) => setFilters({ ...filters, active })} />
          </Space>
          {pages.query.isError && (
            <Alert
              type="error"
              showIcon
              title={t("common.loadFailed")}
              action={<Button onClick={() => pages.query.refetch()}>{t("common.retry")}</Button>}
            />
          )}
          <Table<UnitOut>
            rowKey="id"
            size="middle"
            loading={pages.query.isFetching}
            dataSource={pages.items}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: t("common.empty") }}
            onChange={(_p, _f, sorter) => setFilters({ ...filters, ...sortFrom(sorter, ["name", "code", "createdAt"], "name") })}
            columns={[
              { title: t("common.name"), key: "name", sorter: true, render: (_, u) => name(u) },
              { title: t("unit.shortName"), dataIndex: "shortName", render: (v) => v ?? "—" },
              { title: t("common.code"), key: "code", dataIndex: "code", sorter: true, render: (v) => v ?? "—" },
              { title: t("unit.kind"), dataIndex: "kind", render: (k) => <Tag>{t(`unit.kind.${k as "other"}`)}</Tag> },
              { title: t("unit.region"), dataIndex: "regionName" },
              { title: t("unit.userCount"), dataIndex: "userCount" },
              { title: t("common.status"), key: "active", render: (_, u) => <StatusTag active={u.active} /> },
              ...(canEdit || canChannels
                ? [
                    {
                      title: t("common.actions"),
                      key: "actions",
                      fixed: "right" as const,
                      render: (_: unknown, u: UnitOut) => (
                        <Space size={0}>
                          {canEdit && (
                            <Button type="link" size="small" onClick={() => setEditing(u)}>
                              {t("common.edit")}
                            </Button>
                          )}
                          {canChannels && (
                            <Button type="link" size="small" onClick={() => setChannelsOf(u)}>
                              {t("channel.title")}
                            </Button>
                          )}
                          {canEdit && <ActiveToggle path="/api/units" record={u} />}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Pager pages={pages} />
        </>
      )}
      {channelsOf && <ChannelsDrawer unit={{ id: channelsOf.id, name: name(channelsOf) }} onClose={() => setChannelsOf(null)} />}
      {editing && (
        <UnitForm
          unit={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            queryClient.invalidateQueries();
          }}
        />
      )}
    </Card>
  );
}

function UnitTree({ label }: { label(u: UnitOut): string }) {
  const { t } = useI18n();
  const [childrenOf, setChildrenOf] = useState<Record<string, UnitOut[]>>({});
  const load = useCallback(async (parentId: string) => {
    const page = await api.get<Page<UnitOut>>("/api/units", { parentId, limit: 200 });
    setChildrenOf((prev) => ({ ...prev, [parentId]: page.items }));
  }, []);
  useEffect(() => {
    load("root");
  }, [load]);
  const nodes = (parentId: string): TreeDataNode[] =>
    (childrenOf[parentId] ?? []).map((u) => ({
      key: u.id,
      isLeaf: u.childCount === 0,
      title: (
        <span style={{ opacity: u.active ? 1 : 0.45 }}>
          {label(u)} <Tag>{u.regionName}</Tag>
        </span>
      ),
      children: childrenOf[u.id] ? nodes(u.id) : undefined,
    }));
  if (childrenOf.root?.length === 0) return <Alert type="info" title={t("common.empty")} />;
  return <Tree treeData={nodes("root")} loadData={(n) => load(String(n.key))} />;
}
