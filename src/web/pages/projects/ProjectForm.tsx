import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import {
  DEFAULT_NODE_TEMPLATES,
  FUND_TYPES,
  NODE_KINDS,
  PROJECT_CATEGORIES,
  PROJECT_LEVELS,
  PROJECT_STAGES,
} from "../../../domain/projects.js";
import type { ProjectOut } from "../../../schemas/projects.js";
import { api } from "../../api/client.js";
import { applyServerErrors } from "../../components/form-errors.js";
import { RemoteSelect } from "../../components/RemoteSelect.js";
import { useT } from "../../i18n/index.js";
import { DirectivePicker, TaskPicker } from "./LinkPickers.js";

interface Values {
  code: string;
  name: string;
  regionId: string;
  leadUnitId: string;
  ownerName?: string;
  responsibleLeader?: string;
  industry?: string;
  category: ProjectOut["category"];
  fundType?: ProjectOut["fundType"];
  level: ProjectOut["level"];
  stage: ProjectOut["stage"];
  totalInvestment: number;
  address?: string;
  longitude?: number | null;
  latitude?: number | null;
  taskIds?: string[];
  directiveIds?: string[];
  description?: string;
  yearPlans?: { year: number; amount: number | null }[];
  nodes: Record<string, { plannedOn?: Dayjs | null; reachedOn?: Dayjs | null }>;
}

const day = (s: string | null | undefined) => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : null);

/** Registers or edits a project: who leads it, what it is, its money and its node schedule. */
export function ProjectForm({
  project,
  onClose,
  onSaved,
}: {
  project?: ProjectOut;
  onClose(): void;
  onSaved(p: ProjectOut): void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const category = Form.useWatch("category", form) ?? project?.category ?? "industrial";
  const nodeKinds = project?.nodes.length ? project.nodes.map((n) => n.kind) : DEFAULT_NODE_TEMPLATES[category];
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body = {
      name: v.name,
      regionId: v.regionId,
      leadUnitId: v.leadUnitId,
      ownerName: v.ownerName || null,
      responsibleLeader: v.responsibleLeader || null,
      industry: v.industry || null,
      category: v.category,
      fundType: v.fundType ?? null,
      level: v.level,
      stage: v.stage,
      totalInvestment: v.totalInvestment,
      address: v.address || null,
      longitude: v.longitude ?? null,
      latitude: v.latitude ?? null,
      taskIds: v.taskIds ?? [],
      directiveIds: v.directiveIds ?? [],
      description: v.description || null,
      yearPlans: (v.yearPlans ?? [])
        .filter((y) => y?.year && y.amount !== undefined && y.amount !== null)
        .map((y) => ({ year: y.year, amount: y.amount })),
      nodes: (project?.nodes.length ? project.nodes.map((n) => n.kind) : DEFAULT_NODE_TEMPLATES[v.category]).map((kind) => ({
        kind,
        plannedOn: iso(v.nodes?.[kind]?.plannedOn),
        reachedOn: iso(v.nodes?.[kind]?.reachedOn),
      })),
    };
    try {
      const saved = project
        ? await api.patch<ProjectOut>(`/api/projects/${project.id}`, { ...body, version: project.version })
        : await api.post<ProjectOut>("/api/projects", { ...body, code: v.code });
      message.success(t("common.saved"));
      onSaved(saved);
      onClose();
    } catch (e) {
      setError(applyServerErrors(form, e, t("error.network")));
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t("form.required") }];
  return (
    <Drawer
      open
      size={640}
      title={project ? t("project.edit") : t("project.new")}
      onClose={onClose}
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="project-save">
          {t("common.save")}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          code: project?.code,
          name: project?.name,
          regionId: project?.region.id,
          leadUnitId: project?.leadUnit.id,
          ownerName: project?.ownerName ?? undefined,
          responsibleLeader: project?.responsibleLeader ?? undefined,
          industry: project?.industry ?? undefined,
          category: project?.category ?? "industrial",
          fundType: project?.fundType ?? undefined,
          level: project?.level ?? "city",
          stage: project?.stage ?? "preparatory",
          totalInvestment: project?.totalInvestment,
          address: project?.address ?? undefined,
          longitude: project?.longitude ?? undefined,
          latitude: project?.latitude ?? undefined,
          taskIds: project?.tasks.map((x) => x.id) ?? [],
          directiveIds: project?.directives.map((x) => x.id) ?? [],
          description: project?.description ?? undefined,
          yearPlans: project?.yearPlans.filter((y) => y.amount !== null).map((y) => ({ year: y.year, amount: y.amount })) ?? [
            { year: dayjs().year(), amount: null },
          ],
          nodes: Object.fromEntries(
            (project?.nodes ?? []).map((n) => [n.kind, { plannedOn: day(n.plannedOn), reachedOn: day(n.reachedOn) }]),
          ),
        }}
      >
        <Space.Compact block>
          <Form.Item name="code" label={t("project.code")} rules={required} style={{ width: 200, marginRight: 8 }}>
            <Input maxLength={40} disabled={Boolean(project)} data-testid="project-code" />
          </Form.Item>
          <Form.Item name="name" label={t("project.name")} rules={required} style={{ flex: 1 }}>
            <Input maxLength={200} data-testid="project-name" />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="regionId" label={t("project.region")} rules={required} style={{ flex: 1, marginRight: 8 }}>
            <RemoteSelect path="/api/regions" initialLabel={project?.region.name} testId="project-region" />
          </Form.Item>
          <Form.Item name="leadUnitId" label={t("project.leadUnit")} rules={required} style={{ flex: 1 }}>
            <RemoteSelect path="/api/units" initialLabel={project?.leadUnit.name} testId="project-lead" />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="ownerName" label={t("project.owner")} style={{ flex: 1, marginRight: 8 }}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="responsibleLeader" label={t("project.responsibleLeader")} style={{ flex: 1 }}>
            <Input maxLength={60} />
          </Form.Item>
        </Space.Compact>
        <Space wrap>
          <Form.Item name="category" label={t("project.category")} rules={required}>
            <Select
              style={{ width: 140 }}
              options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`projectCategory.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="fundType" label={t("project.fundType")}>
            <Select
              allowClear
              style={{ width: 200 }}
              options={FUND_TYPES.map((f) => ({ value: f, label: t(`fundType.${f}`) }))}
            />
          </Form.Item>
          <Form.Item name="level" label={t("project.level")} rules={required}>
            <Select style={{ width: 120 }} options={PROJECT_LEVELS.map((l) => ({ value: l, label: t(`projectLevel.${l}`) }))} />
          </Form.Item>
          <Form.Item name="stage" label={t("project.stage")} rules={required}>
            <Select
              style={{ width: 130 }}
              data-testid="project-stage"
              options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`projectStage.${s}`) }))}
            />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="totalInvestment" label={t("project.totalInvestment")} rules={required}>
            <InputNumber min={0} style={{ width: 200 }} data-testid="project-total" />
          </Form.Item>
          <Form.Item name="industry" label={t("project.industry")}>
            <Input maxLength={60} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t("project.yearPlans")}</Typography.Text>
        <Form.List name="yearPlans">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, "year"]} rules={required}>
                    <InputNumber min={2000} max={2100} placeholder={t("project.year")} />
                  </Form.Item>
                  <Form.Item name={[f.name, "amount"]} rules={required}>
                    <InputNumber
                      min={0}
                      placeholder={t("project.amount")}
                      style={{ width: 180 }}
                      data-testid="project-year-amount"
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ year: dayjs().year() + fields.length })}
              >
                {t("project.addYear")}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t("project.nodes")}
        </Typography.Title>
        {nodeKinds
          .filter((k) => NODE_KINDS.includes(k))
          .map((kind) => (
            <Space key={kind} align="baseline">
              <Typography.Text style={{ width: 90, display: "inline-block" }}>{t(`node.${kind}`)}</Typography.Text>
              <Form.Item name={["nodes", kind, "plannedOn"]}>
                <DatePicker placeholder={t("project.plannedOn")} data-testid={`node-${kind}-planned`} />
              </Form.Item>
              <Form.Item name={["nodes", kind, "reachedOn"]}>
                <DatePicker placeholder={t("project.reachedOn")} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
              </Form.Item>
            </Space>
          ))}
        <Space wrap align="start">
          <Form.Item name="address" label={t("project.address")}>
            <Input maxLength={200} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="longitude" label={t("project.longitude")}>
            <InputNumber min={-180} max={180} step={0.0001} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="latitude" label={t("project.latitude")}>
            <InputNumber min={-90} max={90} step={0.0001} style={{ width: 130 }} />
          </Form.Item>
        </Space>
        <Form.Item name="taskIds" label={t("project.linkedTasks")}>
          <TaskPicker initial={project?.tasks ?? []} />
        </Form.Item>
        <Form.Item name="directiveIds" label={t("project.linkedDirectives")}>
          <DirectivePicker initial={project?.directives ?? []} />
        </Form.Item>
        <Form.Item name="description" label={t("project.description")}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
