import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, DatePicker, Form, Input, Modal, Radio, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { NoticeOut } from "../../../schemas/supervision.js";
import { api } from "../../api/client.js";
import { applyServerErrors } from "../../components/form-errors.js";
import { useT } from "../../i18n/index.js";

interface Values {
  kind: "urge" | "supervision";
  grade: "blue" | "yellow" | "red";
  body: string;
  replyBy: Dayjs;
}

/** Urge (催办) or put under supervision (督办) the lead units of some tasks, with a date to reply by. */
export function UrgeModal({ taskIds, open, onClose }: { taskIds: string[]; open: boolean; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form);
  const send = useMutation({
    mutationFn: (v: Values) =>
      api.post<{ items: NoticeOut[] }>("/api/notices", {
        taskIds,
        kind: v.kind,
        grade: v.kind === "supervision" ? v.grade : null,
        body: v.body,
        replyBy: v.replyBy.format("YYYY-MM-DD"),
      }),
    onSuccess: (r) => {
      message.success(t("notice.urged", { count: r.items.length }));
      client.invalidateQueries({ queryKey: ["/api/notices"] });
      form.resetFields();
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
      title={t("notice.urgeTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("notice.urge")}
      confirmLoading={send.isPending}
      okButtonProps={{ "data-testid": "urge-submit" } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("notice.urgeHelp")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: "urge", grade: "blue", replyBy: dayjs().add(3, "day") }}
        onFinish={(v) => send.mutate(v)}
      >
        <Form.Item name="kind" label={t("notice.kind")}>
          <Radio.Group
            options={[
              { value: "urge", label: t("notice.kind.urge") },
              { value: "supervision", label: t("notice.kind.supervision") },
            ]}
          />
        </Form.Item>
        {kind === "supervision" && (
          <Form.Item name="grade" label={t("notice.grade")}>
            <Radio.Group
              options={(["blue", "yellow", "red"] as const).map((g) => ({ value: g, label: t(`notice.grade.${g}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="body" label={t("notice.body")} rules={[{ required: true, message: t("form.required") }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="urge-body" />
        </Form.Item>
        <Form.Item name="replyBy" label={t("notice.replyBy")} rules={[{ required: true, message: t("form.required") }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), "day")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
