import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { CADENCES } from "../../../domain/reporting-periods.js";
import type { MeetingOut } from "../../../schemas/meetings.js";
import type { TaskOut } from "../../../schemas/tasks.js";
import { api } from "../../api/client.js";
import { applyServerErrors } from "../../components/form-errors.js";
import { RemoteSelect } from "../../components/RemoteSelect.js";
import { UnitsSelect } from "../../components/UnitsSelect.js";
import { useT } from "../../i18n/index.js";
import { LeadSuggestions } from "./LeadSuggestions.js";

interface Values {
  title: string;
  description?: string;
  leadUnitId: string;
  coUnitIds: string[];
  responsibleLeader?: string;
  span: [Dayjs, Dayjs];
  cadence: string;
  targetKind: "none" | "quantity" | "outcome";
  targetValue?: number | null;
  targetUnit?: string;
  weight: number;
  campaignId?: string | null;
  milestones: { title: string; dueOn: Dayjs }[];
  assign: boolean;
}

const day = (d: Dayjs) => d.format("YYYY-MM-DD");

/** A new task: from a directive (?meetingId=&directiveId=), or as a sub-task (?parentId=). */
export function TaskFormPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const meetingId = params.get("meetingId");
  const directiveId = params.get("directiveId");
  const parentId = params.get("parentId");
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The name of a lead unit taken from a suggestion, for the select to show before it has searched.
  const [leadLabel, setLeadLabel] = useState<string>();
  const targetKind = Form.useWatch("targetKind", form);
  const leadUnitId = Form.useWatch("leadUnitId", form);
  const meeting = useQuery({
    queryKey: ["meeting", meetingId],
    queryFn: () => api.get<MeetingOut>(`/api/meetings/${meetingId}`),
    enabled: !!meetingId,
  });
  const parent = useQuery({
    queryKey: ["task", parentId],
    queryFn: () => api.get<TaskOut>(`/api/tasks/${parentId}`),
    enabled: !!parentId,
  });
  const directive = meeting.data?.directives.find((d) => d.id === directiveId);
  // The directive's first clause is where a task's title usually starts.
  useEffect(() => {
    if (directive && !form.getFieldValue("title"))
      form.setFieldValue("title", directive.text.split(/[,，;；。]/)[0].slice(0, 300));
  }, [directive, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const created = await api.post<TaskOut>("/api/tasks", {
        title: v.title,
        description: v.description,
        leadUnitId: v.leadUnitId,
        coUnitIds: v.coUnitIds ?? [],
        responsibleLeader: v.responsibleLeader,
        startOn: day(v.span[0]),
        dueOn: day(v.span[1]),
        cadence: v.cadence,
        targetKind: v.targetKind,
        targetValue: v.targetKind === "quantity" ? (v.targetValue ?? null) : null,
        targetUnit: v.targetKind === "quantity" ? v.targetUnit : null,
        weight: v.weight,
        campaignId: v.campaignId ?? null,
        milestones: (v.milestones ?? []).map((m) => ({ title: m.title, dueOn: day(m.dueOn) })),
        directiveIds: directiveId ? [directiveId] : [],
        parentId,
        assign: v.assign,
      });
      message.success(t("common.saved"));
      navigate(`/tasks/${created.id}`);
    } catch (e) {
      setError(applyServerErrors(form, e, t("error.network")));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={parentId ? t("task.newSubtask") : t("task.new")}>
      {directive && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("task.fromDirective", { meeting: meeting.data?.title ?? "" })}
          description={<span data-testid="source-directive">{directive.text}</span>}
        />
      )}
      {parent.data && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t("task.under", { title: parent.data.title })} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 760 }}
        onFinish={submit}
        initialValues={{
          coUnitIds: [],
          cadence: "monthly",
          targetKind: "none",
          weight: 1,
          assign: true,
          milestones: [],
          span: [dayjs(), dayjs().endOf("year")],
        }}
        data-testid="task-form"
      >
        <Form.Item name="title" label={t("task.title")} rules={[{ required: true, message: t("form.required") }]}>
          <Input maxLength={300} data-testid="task-title" />
        </Form.Item>
        <Form.Item name="description" label={t("task.description")}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Space wrap style={{ width: "100%" }} styles={{ item: { minWidth: 300, flex: 1 } }}>
          <Form.Item name="leadUnitId" label={t("task.leadUnit")} rules={[{ required: true, message: t("form.required") }]}>
            <RemoteSelect path="/api/units" testId="task-lead" initialLabel={leadLabel} />
          </Form.Item>
          <Form.Item name="coUnitIds" label={t("task.coUnits")}>
            <UnitsSelect excludeId={leadUnitId} testId="task-co" />
          </Form.Item>
        </Space>
        {directiveId && (
          <LeadSuggestions
            directiveId={directiveId}
            chosen={leadUnitId}
            onAccept={(unit) => {
              setLeadLabel(unit.label);
              form.setFieldValue("leadUnitId", unit.id);
              form.setFieldValue(
                "coUnitIds",
                (form.getFieldValue("coUnitIds") as string[]).filter((id) => id !== unit.id),
              );
            }}
          />
        )}
        <Space wrap style={{ width: "100%" }} styles={{ item: { minWidth: 300, flex: 1 } }}>
          <Form.Item name="responsibleLeader" label={t("task.responsibleLeader")}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="span" label={t("task.span")} rules={[{ required: true, message: t("form.required") }]}>
            <DatePicker.RangePicker style={{ width: "100%" }} allowClear={false} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="targetKind" label={t("task.target")}>
            <Select
              style={{ width: 150 }}
              options={(["none", "quantity", "outcome"] as const).map((k) => ({ value: k, label: t(`task.targetKind.${k}`) }))}
              data-testid="task-target-kind"
            />
          </Form.Item>
          {targetKind === "quantity" && (
            <>
              <Form.Item
                name="targetValue"
                label={t("task.targetValue")}
                rules={[{ required: true, message: t("form.required") }]}
              >
                <InputNumber style={{ width: 140 }} data-testid="task-target-value" />
              </Form.Item>
              <Form.Item name="targetUnit" label={t("task.targetUnit")}>
                <Input style={{ width: 100 }} maxLength={20} />
              </Form.Item>
            </>
          )}
          <Form.Item name="weight" label={t("task.weight")}>
            <InputNumber min={0.1} max={1000} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="cadence" label={t("task.cadence")}>
            <Select style={{ width: 120 }} options={CADENCES.map((c) => ({ value: c, label: t(`cadence.${c}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="campaignId" label={t("task.campaign")}>
          <RemoteSelect path="/api/campaigns" allowClear />
        </Form.Item>
        <Typography.Text strong>{t("task.milestones")}</Typography.Text>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, "title"]} rules={[{ required: true, message: t("form.required") }]}>
                    <Input placeholder={t("task.milestoneTitle")} style={{ width: 280 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, "dueOn"]} rules={[{ required: true, message: t("form.required") }]}>
                    <DatePicker />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t("directive.remove")} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
                {t("task.addMilestone")}
              </Button>
            </div>
          )}
        </Form.List>
        <Form.Item name="assign" valuePropName="checked">
          <Checkbox>{t("task.assignNow")}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="task-submit">
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
