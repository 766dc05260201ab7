import { PlusOutlined, SettingOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { IndicatorOut, IndicatorSettingsIn } from "../../../schemas/indicators.js";
import { api } from "../../api/client.js";
import { useAbility } from "../../api/session.js";
import { applyServerErrors } from "../../components/form-errors.js";
import { useI18n, useT } from "../../i18n/index.js";
import { IndicatorForm } from "./IndicatorForm.js";
import { GROUPS } from "./MonthFigures.js";
import { indicatorName, unitOf } from "./parts.js";

/** The catalog: every indicator and how its figures add up; admins add and edit. */
export function CatalogTable() {
  const { t, locale } = useI18n();
  const canEdit = useAbility("indicator.create");
  const canSettings = useAbility("settings.update");
  const [group, setGroup] = useState<string>();
  const [active, setActive] = useState<"true" | "false" | "all">("all");
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<IndicatorOut | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const list = useQuery({
    queryKey: ["/api/indicators", group, active, q],
    queryFn: () => api.get<{ items: IndicatorOut[]; total: number }>("/api/indicators", { group, active, q }),
  });
  const items = list.data?.items ?? [];
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Space wrap style={{ width: "100%", justifyContent: "space-between" }}>
        <Space wrap>
          <Select
            allowClear
            style={{ width: 150 }}
            value={group}
            onChange={setGroup}
            placeholder={t("ind.allGroups")}
            options={GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) }))}
          />
          <Select
            style={{ width: 120 }}
            value={active}
            onChange={setActive}
            options={[
              { value: "all", label: t("common.all") },
              { value: "true", label: t("ind.active") },
              { value: "false", label: t("common.inactive") },
            ]}
          />
          <Input.Search allowClear style={{ width: 220 }} placeholder={t("ind.search")} onSearch={setQ} />
        </Space>
        <Space>
          {canSettings && (
            <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="thresholds-open">
              {t("ind.thresholds")}
            </Button>
          )}
          {canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              {t("ind.new")}
            </Button>
          )}
        </Space>
      </Space>
      <Table<IndicatorOut>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={items}
        scroll={{ x: 1100 }}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: true } : false}
        locale={{ emptyText: t("ind.catalogEmpty") }}
        data-testid="catalog-table"
        columns={[
          { title: t("ind.code"), dataIndex: "code", width: 100, sorter: (a, b) => a.code.localeCompare(b.code) },
          {
            title: t("ind.name"),
            key: "name",
            width: 240,
            sorter: (a, b) => indicatorName(a, locale).localeCompare(indicatorName(b, locale)),
            render: (_, i) => <Link to={`/indicators/${i.id}`}>{indicatorName(i, locale)}</Link>,
          },
          { title: t("ind.measureUnit"), key: "unit", width: 120, render: (_, i) => unitOf(i, locale) },
          { title: t("ind.group"), key: "group", width: 100, render: (_, i) => t(`group.${i.group}`) },
          { title: t("ind.periodKind"), key: "kind", width: 80, render: (_, i) => t(`ind.periodKind.${i.periodKind}`) },
          { title: t("ind.accumulation"), key: "acc", width: 100, render: (_, i) => t(`ind.accumulation.${i.accumulation}`) },
          { title: t("ind.better"), key: "better", width: 110, render: (_, i) => t(`ind.better.${i.better}`) },
          { title: t("ind.source"), key: "source", width: 150, render: (_, i) => i.sourceUnit?.name ?? "—" },
          { title: t("ind.latest"), dataIndex: "latestPeriod", width: 90, render: (v) => v ?? "—" },
          {
            title: t("ind.status"),
            key: "flags",
            width: 150,
            render: (_, i) => (
              <Space size={4} wrap>
                {i.headline && <Tag color="red">{t("ind.headline")}</Tag>}
                {!i.active && <Tag>{t("common.inactive")}</Tag>}
              </Space>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: "",
                  key: "edit",
                  width: 80,
                  render: (_: unknown, i: IndicatorOut) => (
                    <Button
                      size="small"
                      onClick={() => {
                        setEditing(i);
                        setFormOpen(true);
                      }}
                    >
                      {t("common.edit")}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <IndicatorForm editing={editing} open={formOpen} onClose={() => setFormOpen(false)} />
      <ThresholdsModal open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </Space>
  );
}

function ThresholdsModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<IndicatorSettingsIn>();
  const current = useQuery({
    queryKey: ["/api/settings/indicators"],
    queryFn: () => api.get<IndicatorSettingsIn>("/api/settings/indicators"),
    enabled: open,
  });
  const save = useMutation({
    mutationFn: (v: IndicatorSettingsIn) => api.put<IndicatorSettingsIn>("/api/settings/indicators", v),
    onSuccess: () => {
      message.success(t("ind.thresholdsSaved"));
      current.refetch();
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, t("common.loadFailed"));
      if (rest) message.error(rest);
    },
  });
  return (
    <Modal
      open={open}
      title={t("ind.thresholds")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {current.data && (
        <Form
          form={form}
          layout="vertical"
          initialValues={current.data}
          onFinish={(v) =>
            modal.confirm({ title: t("ind.thresholds"), content: t("ind.thresholdsConfirm"), onOk: () => save.mutateAsync(v) })
          }
        >
          <Form.Item name="growthClose" label={t("ind.growthClose")} rules={[{ required: true, message: t("form.required") }]}>
            <InputNumber min={0} max={50} step={0.5} />
          </Form.Item>
          <Form.Item
            name="progressClose"
            label={t("ind.progressClose")}
            rules={[{ required: true, message: t("form.required") }]}
          >
            <InputNumber min={0} max={50} step={0.5} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
