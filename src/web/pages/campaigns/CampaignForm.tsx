import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DatePicker, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { CADENCES } from "../../../domain/reporting-periods.js";
import type { CampaignOut } from "../../../schemas/campaigns.js";
import { ApiError, api } from "../../api/client.js";
import { UnitsSelect } from "../../components/UnitsSelect.js";
import { useT } from "../../i18n/index.js";

interface Values {
  name: string;
  description?: string;
  period: [Dayjs, Dayjs];
  cadence: string;
  leadUnitIds: string[];
}

/** Creates a campaign (or a sub-campaign under `parent`) or edits one: its name, period, cadence and lead units. */
export function CampaignForm({
  open,
  onClose,
  campaign,
  parent,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  campaign?: CampaignOut;
  parent?: CampaignOut;
  onSaved: (saved: CampaignOut) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name,
        description: v.description || null,
        startOn: v.period[0].format("YYYY-MM-DD"),
        endOn: v.period[1].format("YYYY-MM-DD"),
        cadence: v.cadence,
        leadUnitIds: v.leadUnitIds ?? [],
      };
      return campaign
        ? api.patch<CampaignOut>(`/api/campaigns/${campaign.id}`, { ...body, version: campaign.version })
        : api.post<CampaignOut>("/api/campaigns", { ...body, parentId: parent?.id ?? null });
    },
    onSuccess: (saved) => {
      queryClient.invalidateQueries({ queryKey: ["/api/campaigns"] });
      onSaved(saved);
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length)
        form.setFields(
          e.fields.map((f) => ({
            name: (f.field === "startOn" || f.field === "endOn" ? "period" : f.field) as keyof Values,
            errors: [f.message],
          })),
        );
    },
  });
  const source = campaign ?? parent;
  return (
    <Modal
      open={open}
      title={campaign ? t("campaign.edit") : parent ? t("campaign.newChild", { name: parent.name }) : t("campaign.new")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          name: campaign?.name,
          description: campaign?.description ?? undefined,
          period: source ? [dayjs(source.startOn), dayjs(source.endOn)] : undefined,
          cadence: source?.cadence ?? "monthly",
          leadUnitIds: campaign?.leadUnits.map((u) => u.id) ?? [],
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t("campaign.name")} rules={[{ required: true, message: t("form.required") }]}>
          <Input maxLength={200} data-testid="campaign-name" />
        </Form.Item>
        <Form.Item name="description" label={t("task.description")}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="period" label={t("campaign.period")} rules={[{ required: true, message: t("form.required") }]}>
          <DatePicker.RangePicker data-testid="campaign-period" />
        </Form.Item>
        <Form.Item name="cadence" label={t("campaign.cadence")}>
          <Select options={CADENCES.map((c) => ({ value: c, label: t(`cadence.${c}`) }))} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="leadUnitIds" label={t("campaign.leadUnits")}>
          <UnitsSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
