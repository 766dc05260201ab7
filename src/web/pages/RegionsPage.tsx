import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  List,
  Row,
  Space,
  Table,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
} from "antd";
import { useCallback, useEffect, useState } from "react";
import type { RegionOut } from "../../schemas/regions.js";
import { api, type Page } from "../api/client.js";
import { useAbility, useSession } from "../api/session.js";
import { ActiveToggle } from "../components/ActiveToggle.js";
import { StatusTag } from "../components/StatusTag.js";
import { useI18n } from "../i18n/index.js";
import { RegionForm, type RegionFormTarget } from "./RegionForm.js";

type RegionDetail = RegionOut & { ancestors: RegionOut[] };
const fetchChildren = (parentId: string) =>
  api.get<Page<RegionOut>>("/api/regions", { parentId, limit: 200 }).then((p) => p.items);

export function RegionsPage() {
  const { t, locale } = useI18n();
  const canEdit = useAbility("region.update");
  const [childrenOf, setChildrenOf] = useState<Record<string, RegionOut[]>>({});
  const [expanded, setExpanded] = useState<string[]>([]);
  // Start where the person works: their own region, with the tree opened down to it.
  const home = useSession().session?.user.regionId ?? null;
  const [selectedId, setSelectedId] = useState<string | null>(home);
  const [formTarget, setFormTarget] = useState<RegionFormTarget | null>(null);
  const [search, setSearch] = useState("");
  const [loadError, setLoadError] = useState(false);
  const label = (r: RegionOut) => (locale === "en" && r.nameEn ? r.nameEn : r.name);

  const load = useCallback(async (parentId: string) => {
    try {
      const items = await fetchChildren(parentId);
      setChildrenOf((prev) => ({ ...prev, [parentId]: items }));
      setLoadError(false);
    } catch {
      setLoadError(true);
    }
  }, []);
  useEffect(() => {
    load("root");
  }, [load]);
  const ancestorsOfHome = useQuery({
    queryKey: ["region", home],
    queryFn: () => api.get<RegionDetail>(`/api/regions/${home}`),
    enabled: !!home,
  });
  useEffect(() => {
    const path = ancestorsOfHome.data?.ancestors.slice(0, -1).map((a) => a.id) ?? [];
    if (path.length === 0) return;
    Promise.all(path.map((id) => load(id))).then(() => setExpanded((prev) => [...new Set([...prev, ...path])]));
  }, [ancestorsOfHome.data, load]);

  const detail = useQuery({
    queryKey: ["region", selectedId],
    queryFn: () => api.get<RegionDetail>(`/api/regions/${selectedId}`),
    enabled: !!selectedId,
  });
  const found = useQuery({
    queryKey: ["regions-search", search],
    queryFn: () => api.get<Page<RegionOut>>("/api/regions", { q: search, limit: 20 }),
    enabled: search.length > 0,
  });

  const toNodes = (parentId: string): TreeDataNode[] =>
    (childrenOf[parentId] ?? []).map((r) => ({
      key: r.id,
      isLeaf: r.childCount === 0,
      title: (
        <span style={{ opacity: r.active ? 1 : 0.45 }} data-testid={`region-node-${r.code}`}>
          {label(r)} <Typography.Text type="secondary">{r.code}</Typography.Text>
        </span>
      ),
      children: childrenOf[r.id] ? toNodes(r.id) : undefined,
    }));

  const reloadAfterSave = async (saved: RegionOut) => {
    setFormTarget(null);
    await Promise.all([...Object.keys(childrenOf), saved.parentId ?? "root"].map((k) => load(k)));
    if (saved.parentId && !expanded.includes(saved.parentId)) setExpanded([...expanded, saved.parentId]);
    setSelectedId(saved.id);
    detail.refetch();
  };

  const region = detail.data;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card
          title={t("region.title")}
          extra={
            canEdit && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: "create", parent: null })}>
                {t("region.addRoot")}
              </Button>
            )
          }
        >
          <Input.Search
            allowClear
            placeholder={t("region.searchPlaceholder")}
            onSearch={setSearch}
            style={{ marginBottom: 12 }}
          />
          {search && (
            <List
              size="small"
              bordered
              style={{ marginBottom: 12 }}
              loading={found.isLoading}
              dataSource={found.data?.items ?? []}
              locale={{ emptyText: t("common.empty") }}
              renderItem={(r) => (
                <List.Item onClick={() => setSelectedId(r.id)} style={{ cursor: "pointer" }}>
                  {label(r)} <Typography.Text type="secondary">{r.code}</Typography.Text>
                </List.Item>
              )}
            />
          )}
          {loadError && (
            <Alert
              type="error"
              showIcon
              title={t("common.loadFailed")}
              action={
                <Button size="small" onClick={() => load("root")}>
                  {t("common.retry")}
                </Button>
              }
            />
          )}
          {childrenOf.root && childrenOf.root.length === 0 && <Empty description={t("common.empty")} />}
          <Tree
            treeData={toNodes("root")}
            loadData={(node) => load(String(node.key))}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys.map(String))}
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(keys) => keys[0] && setSelectedId(String(keys[0]))}
            data-testid="region-tree"
          />
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card>
          {!selectedId && <Empty description={t("region.select")} />}
          {region && (
            <Space direction="vertical" size="middle" style={{ width: "100%" }}>
              <Breadcrumb
                items={region.ancestors.map((a) => ({
                  title: <Typography.Link onClick={() => setSelectedId(a.id)}>{label(a)}</Typography.Link>,
                }))}
              />
              <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="region-title">
                  {label(region)} <Tag>{t(`region.level.${region.level}`)}</Tag> <StatusTag active={region.active} />
                </Typography.Title>
                {canEdit && (
                  <Space wrap>
                    {region.level !== "township" && region.active && (
                      <Button
                        type="primary"
                        icon={<PlusOutlined />}
                        onClick={() => setFormTarget({ mode: "create", parent: region })}
                        data-testid="add-child-region"
                      >
                        {t("region.addChild")}
                      </Button>
                    )}
                    <Button icon={<EditOutlined />} onClick={() => setFormTarget({ mode: "edit", region })}>
                      {t("common.edit")}
                    </Button>
                    <ActiveToggle path="/api/regions" record={region} size="middle" />
                  </Space>
                )}
              </Space>
              <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
                <Descriptions.Item label={t("common.code")}>{region.code}</Descriptions.Item>
                <Descriptions.Item label={t("common.name")}>{region.name}</Descriptions.Item>
                <Descriptions.Item label={t("common.nameEn")}>{region.nameEn ?? "—"}</Descriptions.Item>
                <Descriptions.Item label={t("region.level")}>{t(`region.level.${region.level}`)}</Descriptions.Item>
                <Descriptions.Item label={t("region.childCount")}>{region.childCount}</Descriptions.Item>
                <Descriptions.Item label={t("region.unitCount")}>{region.unitCount}</Descriptions.Item>
              </Descriptions>
              <ChildTable parentId={region.id} label={label} onOpen={setSelectedId} />
            </Space>
          )}
        </Card>
      </Col>
      {formTarget && <RegionForm target={formTarget} onClose={() => setFormTarget(null)} onSaved={reloadAfterSave} />}
    </Row>
  );
}

function ChildTable({ parentId, label, onOpen }: { parentId: string; label(r: RegionOut): string; onOpen(id: string): void }) {
  const { t } = useI18n();
  const children = useQuery({ queryKey: ["region-children", parentId], queryFn: () => fetchChildren(parentId) });
  return (
    <Table<RegionOut>
      size="small"
      rowKey="id"
      title={() => t("region.children")}
      loading={children.isLoading}
      dataSource={children.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 480 }}
      locale={{ emptyText: t("common.empty") }}
      columns={[
        {
          title: t("common.name"),
          key: "name",
          render: (_, r) => <Typography.Link onClick={() => onOpen(r.id)}>{label(r)}</Typography.Link>,
          sorter: (a, b) => a.name.localeCompare(b.name, "zh"),
        },
        { title: t("common.code"), dataIndex: "code", sorter: (a, b) => a.code.localeCompare(b.code) },
        { title: t("region.childCount"), dataIndex: "childCount" },
        { title: t("region.unitCount"), dataIndex: "unitCount" },
        { title: t("common.status"), key: "active", render: (_, r) => <StatusTag active={r.active} /> },
      ]}
    />
  );
}
