import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Badge, Button, Card, List, Space, Switch, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { NotificationOut } from "../../../schemas/supervision.js";
import { api } from "../../api/client.js";
import { useSession } from "../../api/session.js";
import { Pager, useCursorPages } from "../../components/paging.js";
import { useI18n, useT } from "../../i18n/index.js";
import { UNREAD_KEY } from "./InboxBell.js";
import { when } from "./labels.js";

/** A person's inbox: notices, replies, instructions and bulletins, newest first; opening one marks it read. */
export function InboxPage() {
  const t = useT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { locale } = useI18n();
  const { session, refresh: refreshSession } = useSession();
  const [unreadOnly, setUnreadOnly] = useState(false);
  // Lines are worded on the server in the reader's language: read them again after a switch.
  useEffect(() => {
    if (locale) client.invalidateQueries({ queryKey: ["/api/notifications"] });
  }, [locale, client]);
  const pages = useCursorPages<NotificationOut>("/api/notifications", { unread: unreadOnly ? "true" : undefined, limit: 20 });
  const unread = (pages.query.data as { unread?: number } | undefined)?.unread ?? 0;
  const markRead = useMutation({
    mutationFn: (body: { ids?: number[]; all?: boolean }) => api.post("/api/notifications/read", body),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ["/api/notifications"] });
      client.invalidateQueries({ queryKey: UNREAD_KEY });
    },
  });
  const open = (n: NotificationOut) => {
    if (!n.readAt) markRead.mutate({ ids: [n.id] });
    navigate(n.path);
  };
  return (
    <Card
      title={
        <Space>
          {t("inbox.title")}
          {unread > 0 && <Typography.Text type="secondary">{t("inbox.unread", { count: unread })}</Typography.Text>}
        </Space>
      }
      extra={
        <Space wrap>
          {session?.user.hasEmail ? (
            <Space>
              <Switch
                size="small"
                checked={session.user.notifyByEmail}
                onChange={(on) => api.put("/api/auth/email-notices", { notifyByEmail: on }).then(refreshSession)}
                data-testid="email-copies"
              />
              {t("inbox.emailCopies")}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t("inbox.emailNoAddress")}</Typography.Text>
          )}
          <Space>
            <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} data-testid="unread-only" />
            {t("inbox.unreadOnly")}
          </Space>
          <Button size="small" disabled={!unread} onClick={() => markRead.mutate({ all: true })} data-testid="mark-all-read">
            {t("inbox.markAllRead")}
          </Button>
        </Space>
      }
    >
      <List<NotificationOut>
        loading={pages.query.isFetching}
        dataSource={pages.items}
        locale={{ emptyText: t("inbox.empty") }}
        data-testid="inbox"
        renderItem={(n) => (
          <List.Item
            key={n.id}
            style={{ cursor: "pointer", background: n.readAt ? undefined : "#fff7e6", paddingInline: 12 }}
            onClick={() => open(n)}
            data-testid="inbox-item"
            data-unread={n.readAt ? "false" : "true"}
          >
            <List.Item.Meta
              avatar={<Badge status={n.readAt ? "default" : "processing"} />}
              title={<Link to={n.path}>{n.subject}</Link>}
              description={
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0, whiteSpace: "pre-line" }}>
                  {n.text}
                </Typography.Paragraph>
              }
            />
            <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
              {when(n.createdAt)}
            </Typography.Text>
          </List.Item>
        )}
      />
      <Pager pages={pages} />
    </Card>
  );
}
