import { FlagFilled } from "@ant-design/icons";
import { Space, Tag } from "antd";
import { Link } from "react-router";
import type { CockpitOut } from "../../../schemas/cockpit.js";
import { MUTED, PANEL } from "./style.js";

/** The honours board: who holds the red and yellow flags of each scheme's latest published period. */
export function CockpitFlags({ flags }: { flags: CockpitOut["flags"] }) {
  if (!flags.length) return null;
  return (
    <div style={{ ...PANEL, marginTop: 12 }} data-testid="cockpit-flags">
      {flags.map((f) => (
        <div key={f.schemeId}>
          <Link to={`/evaluations/${f.schemeId}`} style={{ color: MUTED }}>
            {f.scheme} · {f.period}
          </Link>
          <Space wrap style={{ marginLeft: 12 }}>
            {f.red.map((n) => (
              <Tag key={`r-${n}`} color="red" icon={<FlagFilled />}>
                {n}
              </Tag>
            ))}
            {f.yellow.map((n) => (
              <Tag key={`y-${n}`} color="gold" icon={<FlagFilled />}>
                {n}
              </Tag>
            ))}
          </Space>
        </div>
      ))}
    </div>
  );
}
