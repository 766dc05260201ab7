import { DownloadOutlined, EditOutlined, ReloadOutlined, SendOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Breadcrumb, Button, Card, Form, Input, Modal, Space, Spin, Table, Tag, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import type { BulletinOut } from "../../../schemas/bulletins.js";
import { ApiError, api } from "../../api/client.js";
import { useSession } from "../../api/session.js";
import { useT } from "../../i18n/index.js";
import { BulletinBody } from "./BulletinBody.js";
import { Instructions } from "./Instructions.js";
import { when } from "./labels.js";

function EditText({ bulletin, onSaved }: { bulletin: BulletinOut; onSaved(b: BulletinOut): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; opening: string; closing: string }>();
  const save = useMutation({
    mutationFn: (v: { title: string; opening: string; closing: string }) =>
      api.patch<BulletinOut>(`/api/bulletins/${bulletin.id}`, { ...v, version: bulletin.version }),
    onSuccess: (b) => {
      message.success(t("common.saved"));
      onSaved(b);
      setOpen(false);
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : t("common.loadFailed")),
  });
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="edit-bulletin">
        {t("bulletin.edit")}
      </Button>
      <Modal
        open={open}
        width={720}
        title={t("bulletin.edit")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        okButtonProps={{ "data-testid": "save-bulletin" } as Record<`data-${string}`, string>}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ title: bulletin.title, opening: bulletin.opening, closing: bulletin.closing }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item name="title" label={t("bulletin.titleField")} rules={[{ required: true, message: t("form.required") }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="opening" label={t("bulletin.opening")}>
            <Input.TextArea rows={4} maxLength={10000} data-testid="bulletin-opening" />
          </Form.Item>
          <Form.Item name="closing" label={t("bulletin.closing")}>
            <Input.TextArea rows={4} maxLength={10000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** One bulletin, laid out as the document reads: the office edits and publishes a draft; units read it and sign for it by opening it. */
export function BulletinPage() {
  const t = useT();
  const { id } = useParams();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const { session } = useSession();
  const key = ["/api/bulletins", id];
  const { data: b, isLoading, error } = useQuery({ queryKey: key, queryFn: () => api.get<BulletinOut>(`/api/bulletins/${id}`) });
  const set = (next: BulletinOut) => {
    client.setQueryData(key, next);
    client.invalidateQueries({ queryKey: ["/api/bulletins"], exact: false, refetchType: "none" });
  };
  const signed = useRef<string | null>(null);
  useEffect(() => {
    if (b?.state !== "published" || signed.current === b.id) return;
    const mine = b.receipts.find((r) => r.unitId === session?.user.unitId);
    if (!mine || mine.readAt) return;
    signed.current = b.id;
    api.post(`/api/bulletins/${b.id}/read`).then(() => client.invalidateQueries({ queryKey: ["/api/bulletins", b.id] }));
  }, [b, session, client]);
  const regenerate = useMutation({
    mutationFn: () => api.patch<BulletinOut>(`/api/bulletins/${id}`, { regenerate: true, version: b?.version }),
    onSuccess: (next) => {
      message.success(t("bulletin.regenerated"));
      set(next);
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : t("common.loadFailed")),
  });
  if (isLoading) return <Spin />;
  if (error || !b) return <Alert type="error" showIcon title={t("common.loadFailed")} />;
  const publish = () =>
    modal.confirm({
      title: t("bulletin.publish"),
      content: t("bulletin.publishConfirm"),
      okButtonProps: { "data-testid": "confirm-publish" } as Record<`data-${string}`, string>,
      onOk: () =>
        api
          .post<BulletinOut>(`/api/bulletins/${b.id}/publish`, { version: b.version })
          .then((next) => {
            message.success(t("bulletin.published"));
            set(next);
          })
          .catch((e) => message.error(e instanceof ApiError ? e.message : t("common.loadFailed"))),
    });
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Breadcrumb
        items={[{ title: <Link to="/bulletins">{t("nav.bulletins")}</Link> }, { title: `${t("bulletin.number")} ${b.number}` }]}
      />
      <Card
        title={
          <Space wrap>
            <Tag color={b.state === "published" ? "green" : "default"} data-testid="bulletin-state">
              {t(`bulletin.state.${b.state}`)}
            </Tag>
            <span>{b.issuer.name}</span>
            <Typography.Text type="secondary">
              {b.periodFrom} ~ {b.periodTo}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={`/api/bulletins/${b.id}/docx`} data-testid="download-docx">
              {t("bulletin.download")}
            </Button>
            {b.canEdit && (
              <>
                <EditText bulletin={b} onSaved={set} />
                <Button icon={<ReloadOutlined />} loading={regenerate.isPending} onClick={() => regenerate.mutate()}>
                  {t("bulletin.regenerate")}
                </Button>
                <Button type="primary" icon={<SendOutlined />} onClick={publish} data-testid="publish-bulletin">
                  {t("bulletin.publish")}
                </Button>
              </>
            )}
          </Space>
        }
      >
        {b.state === "draft" && <Alert type="info" showIcon title={t("bulletin.draftHint")} style={{ marginBottom: 16 }} />}
        <BulletinBody bulletin={b} />
      </Card>
      {b.state === "published" && (
        <Card title={t("bulletin.receipts")} size="small">
          <Table
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={b.receipts}
            data-testid="receipts"
            columns={[
              { title: t("bulletin.unit"), dataIndex: "unit" },
              {
                title: t("bulletin.readAt"),
                key: "readAt",
                render: (_v, r) => (r.readAt ? `${when(r.readAt)} · ${r.readByName}` : <Tag>{t("bulletin.notRead")}</Tag>),
              },
            ]}
          />
        </Card>
      )}
      <Instructions subjectType="bulletin" subjectId={b.id} />
    </Space>
  );
}
