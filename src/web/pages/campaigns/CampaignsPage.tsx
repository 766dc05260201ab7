import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Input, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { CampaignSummaryOut } from "../../../schemas/campaigns.js";
import { useAbility } from "../../api/session.js";
import { Pager, useCursorPages } from "../../components/paging.js";
import { useT } from "../../i18n/index.js";
import { CampaignForm } from "./CampaignForm.js";

/** The special actions (专项行动): each with its period, lead units, sub-campaigns and tasks. */
export function CampaignsPage() {
  const t = useT();
  const navigate = useNavigate();
  const canCreate = useAbility("campaign.create");
  const [q, setQ] = useState<string>();
  const [creating, setCreating] = useState(false);
  const pages = useCursorPages<CampaignSummaryOut>("/api/campaigns", { q, parentId: q ? undefined : "root", limit: 25 });
  return (
    <Card
      title={t("nav.campaigns")}
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-campaign">
            {t("campaign.new")}
          </Button>
        )
      }
    >
      <CampaignForm open={creating} onClose={() => setCreating(false)} onSaved={(c) => navigate(`/campaigns/${c.id}`)} />
      <Space style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("campaign.search")}
          onSearch={(v) => setQ(v || undefined)}
          style={{ width: 260 }}
        />
      </Space>
      <Table<CampaignSummaryOut>
        rowKey="id"
        loading={pages.query.isFetching}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t("campaign.empty") }}
        data-testid="campaign-table"
        columns={[
          {
            title: t("campaign.name"),
            dataIndex: "name",
            render: (name, c) => (
              <Space direction="vertical" size={0}>
                <Link to={`/campaigns/${c.id}`}>{name}</Link>
                {c.childCount > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("campaign.childCount", { count: c.childCount })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t("campaign.office"), dataIndex: ["unit", "name"], width: 180 },
          { title: t("campaign.period"), key: "period", width: 210, render: (_v, c) => `${c.startOn} ~ ${c.endOn}` },
          {
            title: t("campaign.cadence"),
            dataIndex: "cadence",
            width: 90,
            render: (v) => t(`cadence.${v}` as "cadence.monthly"),
          },
          { title: t("campaign.taskCount"), dataIndex: "taskCount", width: 90, align: "right" },
        ]}
      />
      <Pager pages={pages} />
    </Card>
  );
}
