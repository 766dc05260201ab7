/**
 * The key endpoints of the suite, as the people who use them call them: each with the persona
 * signed in, a rotation of concrete requests (different tasks, units, regions) drawn from the
 * loaded data, and whether it writes. Sign-in is measured apart (its cost is the password hash).
 */
import type pg from "pg";
import { lastEndedHalf } from "../src/db/demo-evaluations.js";
import type { Request } from "./load.js";

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

export interface Endpoint {
  name: string;
  persona: string;
  /** Requests sent in turn. */
  requests: Request[];
  write?: boolean;
  /** Read endpoints carry the p95 and application-layer targets; jobs (writes that compute) their own. */
  kind: "read" | "job";
  /** What one request produces, where that grows with the scale (the counties an evaluation ranks): growth is judged per item. */
  output?: { items: number; of: string; per: string };
}

type Rows = { rows: Record<string, string>[] };

export function asSession(s: Session, req: Request): Request {
  const headers: Record<string, string> = { cookie: s.cookie, "accept-language": "zh-CN", ...req.headers };
  if ((req.method ?? "GET") !== "GET") headers["x-csrf-token"] = s.csrf;
  if (req.body) headers["content-type"] = "application/json";
  return { ...req, headers };
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** The endpoints with their requests, drawn from what the database holds. */
export async function endpoints(db: pg.Client, today: string, evaluationSchemeId: string | null): Promise<Endpoint[]> {
  const one = async (text: string, values: unknown[] = []) => ((await db.query(text, values)) as unknown as Rows).rows;
  const [jiaxing] = await one("select id, path from regions where code = '330400'");
  const [province] = await one("select id, path from regions where code = '330000'");
  const [jxOffice] = await one("select id from units where code = 'JX-DCS'");
  // Tasks the Jiaxing office owns, spread over the table; units of Jiaxing with tasks to lead.
  const tasks = await one("select id from tasks where owner_unit_id = $1 and number % 97 = 0 order by number limit 40", [
    jxOffice.id,
  ]);
  const leadUnits = await one(
    `select lead_unit_id as id from tasks where owner_unit_id = $1 group by lead_unit_id order by count(*) desc limit 20`,
    [jxOffice.id],
  );
  const counties = await one("select r.id from regions r where r.level = 'county' and r.path like $1 || '%' order by r.code", [
    jiaxing.path,
  ]);
  const cities = await one("select id from regions where level = 'city' order by code");
  const [campaign] = await one(
    `select c.id from campaigns c left join tasks t on t.campaign_id = c.id where c.unit_id = $1
      group by c.id order by count(t.id) desc limit 1`,
    [jxOffice.id],
  );
  const year = today.slice(0, 4);
  const month = today.slice(0, 7);
  const lastMonthEnd = new Date(Date.UTC(Number(year), Number(month.slice(5)) - 1, 0)).toISOString().slice(0, 10);
  const rotate = <T>(xs: T[], f: (x: T) => Request) => xs.map(f);
  const list: Endpoint[] = [
    { name: "my work, a unit's reporter", persona: "reporter", kind: "read", requests: [{ path: "/api/my-work" }] },
    { name: "my work, the city office", persona: "coordinator", kind: "read", requests: [{ path: "/api/my-work" }] },
    {
      name: "my work, the province office",
      persona: "province-coordinator",
      kind: "read",
      requests: [{ path: "/api/my-work" }],
    },
    {
      name: "task list, red tasks of a unit",
      persona: "coordinator",
      kind: "read",
      requests: rotate(leadUnits, (u) => ({ path: `/api/tasks?${q({ light: "red", unitId: u.id, limit: "25" })}` })),
    },
    {
      name: "task list, open by deadline, a county",
      persona: "coordinator",
      kind: "read",
      requests: rotate(counties, (r) => ({ path: `/api/tasks?${q({ open: "true", regionId: r.id, limit: "25" })}` })),
    },
    {
      name: "task list, search by title",
      persona: "province-coordinator",
      kind: "read",
      requests: ["安全生产", "营商环境", "民生实事", "（4242）"].map((t) => ({ path: `/api/tasks?${q({ q: t, limit: "25" })}` })),
    },
    {
      name: "task page",
      persona: "coordinator",
      kind: "read",
      requests: rotate(tasks, (t) => ({ path: `/api/tasks/${t.id}` })),
    },
    ...(campaign
      ? [
          {
            name: "campaign page",
            persona: "coordinator",
            kind: "read" as const,
            requests: [{ path: `/api/campaigns/${campaign.id}` }],
          },
        ]
      : []),
    {
      name: "project library, red warnings",
      persona: "province-coordinator",
      kind: "read",
      requests: [{ path: `/api/projects?${q({ warning: "red", limit: "25" })}` }],
    },
    {
      name: "project library, a county",
      persona: "coordinator",
      kind: "read",
      requests: rotate(counties, (r) => ({
        path: `/api/projects?${q({ regionId: r.id, sort: "invested", order: "desc", limit: "25" })}`,
      })),
    },
    {
      name: "region view, the province",
      persona: "province-coordinator",
      kind: "read",
      requests: [{ path: `/api/projects/regions?${q({ regionId: province.id, year })}` }],
    },
    {
      name: "region view, a city",
      persona: "province-coordinator",
      kind: "read",
      requests: rotate(cities, (r) => ({ path: `/api/projects/regions?${q({ regionId: r.id, year })}` })),
    },
    { name: "cockpit, the city", persona: "coordinator", kind: "read", requests: [{ path: "/api/cockpit" }] },
    { name: "cockpit, the province", persona: "province-coordinator", kind: "read", requests: [{ path: "/api/cockpit" }] },
    {
      name: "ledger export, a unit's tasks (.xlsx)",
      persona: "coordinator",
      kind: "read",
      requests: rotate(leadUnits.slice(0, 5), (u) => ({ path: `/api/tasks/ledger?${q({ leadUnitId: u.id })}` })),
    },
    {
      name: "bulletin generation, the city's last month",
      persona: "coordinator",
      kind: "job",
      write: true,
      requests: [
        {
          method: "POST",
          path: "/api/bulletins",
          body: JSON.stringify({ periodFrom: `${lastMonthEnd.slice(0, 7)}-01`, periodTo: lastMonthEnd }),
        },
      ],
    },
  ];
  if (evaluationSchemeId) {
    const [peers] = await one("select count(*) as n from evaluation_peers where scheme_id = $1", [evaluationSchemeId]);
    list.push({
      name: "evaluation compute, every county × 20 criteria",
      persona: "province-coordinator",
      kind: "job",
      write: true,
      output: { items: Number(peers.n), of: "counties", per: "county" },
      requests: [
        {
          method: "POST",
          path: `/api/evaluations/${evaluationSchemeId}/results`,
          body: JSON.stringify({ period: lastEndedHalf(today) }),
        },
      ],
    });
  }
  return list;
}
