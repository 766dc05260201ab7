import { LinkOutlined } from "@ant-design/icons";
import { Space, Tooltip, Typography } from "antd";
import { Link } from "react-router";
import type { DirectiveRepeat } from "../../../schemas/meetings.js";
import { useT } from "../../i18n/index.js";

/** Under a directive: the same deployment at other meetings, each a link to that meeting. */
export function RepeatLinks({ repeats }: { repeats: DirectiveRepeat[] }) {
  const t = useT();
  if (!repeats.length) return null;
  return (
    <div data-testid="directive-repeats" style={{ marginTop: 4 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <LinkOutlined /> {t("directive.repeatedAt")}{" "}
        <Space size={4} wrap split="·">
          {repeats.map((r) => (
            <Tooltip key={r.id} title={`${r.text} (${t("directive.similarity", { pct: Math.round(r.similarity * 100) })})`}>
              <Link to={`/meetings/${r.meetingId}`}>
                {r.meetingTitle}
                {r.heldOn ? ` (${r.heldOn})` : ""}
              </Link>
            </Tooltip>
          ))}
        </Space>
      </Typography.Text>
    </div>
  );
}
