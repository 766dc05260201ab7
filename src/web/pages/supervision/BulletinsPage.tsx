import { PlusOutlined, ScheduleOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, DatePicker, Form, Input, List, Modal, Select, Space, Switch, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { BulletinOut, BulletinSummaryOut, ScheduleOut } from "../../../schemas/bulletins.js";
import { api } from "../../api/client.js";
import { useAbility } from "../../api/session.js";
import { applyServerErrors } from "../../components/form-errors.js";
import { Pager, useCursorPages } from "../../components/paging.js";
import { RemoteSelect } from "../../components/RemoteSelect.js";
import { useT } from "../../i18n/index.js";
import { when } from "./labels.js";

interface Values {
  period: [Dayjs, Dayjs];
  regionId?: string | null;
  campaignId?: string | null;
  title?: string;
}

function GenerateModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const lastMonth = dayjs().subtract(1, "month");
  const generate = useMutation({
    mutationFn: (v: Values) =>
      api.post<BulletinOut>("/api/bulletins", {
        periodFrom: v.period[0].format("YYYY-MM-DD"),
        periodTo: v.period[1].format("YYYY-MM-DD"),
        regionId: v.regionId || undefined,
        campaignId: v.campaignId || null,
        title: v.title || undefined,
      }),
    onSuccess: (b) => navigate(`/bulletins/${b.id}`),
    onError: (e) => {
      const err = e as { fields?: { field: string; message: string }[] };
      const period = err.fields?.find((f) => f.field === "periodFrom" || f.field === "periodTo");
      if (period) form.setFields([{ name: "period", errors: [period.message] }]);
      else {
        const rest = applyServerErrors(form, e, t("common.loadFailed"));
        if (rest) message.error(rest);
      }
    },
  });
  return (
    <Modal
      open={open}
      title={t("bulletin.new")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("bulletin.generate")}
      confirmLoading={generate.isPending}
      okButtonProps={{ "data-testid": "generate-bulletin" } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ period: [lastMonth.startOf("month"), lastMonth.endOf("month")] }}
        onFinish={(v) => generate.mutate(v)}
      >
        <Form.Item name="period" label={t("bulletin.period")} rules={[{ required: true, message: t("form.required") }]}>
          <DatePicker.RangePicker data-testid="bulletin-period" />
        </Form.Item>
        <Form.Item name="regionId" label={t("bulletin.scopeRegion")} extra={t("bulletin.scopeHelp")}>
          <RemoteSelect path="/api/regions" allowClear />
        </Form.Item>
        <Form.Item name="campaignId" label={t("bulletin.campaign")}>
          <RemoteSelect path="/api/campaigns" allowClear />
        </Form.Item>
        <Form.Item name="title" label={t("bulletin.titleField")} extra={t("bulletin.titleHelp")}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The office's monthly schedules, each of which may be stopped or started again. */
function Schedules() {
  const t = useT();
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: ["/api/bulletin-schedules"],
    queryFn: () => api.get<{ items: ScheduleOut[] }>("/api/bulletin-schedules"),
  });
  const toggle = useMutation({
    mutationFn: (v: { id: string; active: boolean }) => api.post(`/api/bulletin-schedules/${v.id}/active`, { active: v.active }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["/api/bulletin-schedules"] }),
  });
  if (!data?.items.length) return null;
  return (
    <List<ScheduleOut>
      size="small"
      header={<Typography.Text strong>{t("bulletin.schedules")}</Typography.Text>}
      dataSource={data.items}
      style={{ marginTop: 16 }}
      renderItem={(s) => (
        <List.Item
          actions={[
            <Switch
              key="on"
              size="small"
              checked={s.active}
              loading={toggle.isPending}
              onChange={(active) => toggle.mutate({ id: s.id, active })}
            />,
          ]}
        >
          {t("bulletin.scheduleLine", { region: s.region.name, issuer: s.issuer.name })}
        </List.Item>
      )}
    />
  );
}

/** Bulletins (通报): drafts and published ones from the office, and those sent to the reader's unit. */
export function BulletinsPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const canCreate = useAbility("bulletin.create");
  const [state, setState] = useState<"draft" | "published">();
  const [creating, setCreating] = useState(false);
  const pages = useCursorPages<BulletinSummaryOut>("/api/bulletins", { state, limit: 25 });
  const schedule = () =>
    modal.confirm({
      title: t("bulletin.schedule"),
      content: t("bulletin.scheduleHelp"),
      onOk: () =>
        api.post("/api/bulletin-schedules", { autoPublish: false }).then(() => message.success(t("bulletin.scheduled"))),
    });
  return (
    <Card
      title={t("nav.bulletins")}
      extra={
        canCreate && (
          <Space>
            <Button icon={<ScheduleOutlined />} onClick={schedule}>
              {t("bulletin.schedule")}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-bulletin">
              {t("bulletin.new")}
            </Button>
          </Space>
        )
      }
    >
      <GenerateModal open={creating} onClose={() => setCreating(false)} />
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t("common.status")}
          value={state}
          onChange={setState}
          style={{ width: 140 }}
          options={(["draft", "published"] as const).map((s) => ({ value: s, label: t(`bulletin.state.${s}`) }))}
        />
      </Space>
      <Table<BulletinSummaryOut>
        rowKey="id"
        loading={pages.query.isFetching}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t("bulletin.empty") }}
        data-testid="bulletin-table"
        columns={[
          { title: t("bulletin.number"), dataIndex: "number", width: 70 },
          { title: t("bulletin.titleField"), dataIndex: "title", render: (v, b) => <Link to={`/bulletins/${b.id}`}>{v}</Link> },
          { title: t("bulletin.issuer"), dataIndex: ["issuer", "name"], width: 160 },
          { title: t("bulletin.period"), key: "period", width: 210, render: (_v, b) => `${b.periodFrom} ~ ${b.periodTo}` },
          {
            title: t("common.status"),
            dataIndex: "state",
            width: 100,
            render: (s) => <Tag color={s === "published" ? "green" : "default"}>{t(`bulletin.state.${s as "draft"}`)}</Tag>,
          },
          {
            title: t("bulletin.reads"),
            key: "reads",
            width: 170,
            render: (_v, b) =>
              b.state === "published" ? (
                <Typography.Text>{t("bulletin.readCount", { read: b.read, total: b.recipients })}</Typography.Text>
              ) : (
                "—"
              ),
          },
          { title: t("common.createdAt"), dataIndex: "createdAt", width: 150, render: when },
        ]}
      />
      <Pager pages={pages} />
      {canCreate && <Schedules />}
    </Card>
  );
}
