import { BellOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Badge, Button } from "antd";
import { useNavigate } from "react-router";
import { api } from "../../api/client.js";
import { useT } from "../../i18n/index.js";

// In the shell on every page, so apart from the inbox page, which loads on demand.
export const UNREAD_KEY = ["/api/notifications/unread"];

/** The bell in the header: unread count, polled every minute. */
export function InboxBell() {
  const t = useT();
  const navigate = useNavigate();
  const { data } = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => api.get<{ unread: number }>("/api/notifications/unread"),
    refetchInterval: 60_000,
  });
  const unread = data?.unread ?? 0;
  return (
    <Badge count={unread} size="small" offset={[-4, 4]}>
      <Button
        type="text"
        icon={<BellOutlined />}
        aria-label={t("inbox.bell", { count: unread })}
        onClick={() => navigate("/inbox")}
        data-testid="inbox-bell"
      />
    </Badge>
  );
}
