/**
 * The province's half-year scheme over its counties (up to 100) with 20 criteria (12 on
 * indicators, 4 on tasks, 1 on notices, 3 on projects), made once through the API as the
 * province's office, for the suite to compute.
 */
import type pg from "pg";
import type { Session } from "./endpoints.js";

const NAME = "基准测试：县（市、区）半年考评";

export async function ensureEvaluationScheme(db: pg.Client, base: string, office: Session): Promise<string> {
  const existing = await db.query<{ id: string }>("select id from evaluation_schemes where name = $1", [NAME]);
  if (existing.rows[0]) return existing.rows[0].id;
  const peers = (await db.query<{ id: string }>("select id from regions where level = 'county' order by code limit 100")).rows;
  const indicators = (
    await db.query<{ id: string }>(
      "select id from indicators where period_kind = 'monthly' and accumulation = 'cumulative' order by sort_order, code limit 6",
    )
  ).rows;
  const criteria = schemeCriteria(indicators.map((i) => i.id));
  const res = await fetch(`${base}/api/evaluations`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: office.cookie, "x-csrf-token": office.csrf },
    body: JSON.stringify(schemeBody(NAME, peers, criteria)),
  });
  if (res.status !== 201) throw new Error(`creating the evaluation scheme: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** A half-year scheme over regions (every tenth in a group of its own) with three red and three yellow flags. */
export function schemeBody(name: string, peers: { id: string }[], criteria: ReturnType<typeof schemeCriteria>) {
  return {
    name,
    period: "half",
    peerKind: "region",
    redFlags: 3,
    yellowFlags: 3,
    peers: peers.map((p, k) => ({ peerId: p.id, group: k % 10 === 0 ? "zones" : "counties" })),
    criteria,
  };
}

/** Twenty criteria: growth and target completion of six indicators, four on tasks, one more on notices, three on projects. */
export function schemeCriteria(indicatorIds: string[]) {
  const criterion = (name: string, source: string, extra: Record<string, unknown> = {}) => ({
    name,
    source,
    weight: 5,
    method: "rank",
    better: ["task_red", "notice_unanswered", "project_warnings"].includes(source) ? "lower" : "higher",
    missing: "average",
    ...extra,
  });
  return [
    ...indicatorIds.flatMap((id, k) => [
      criterion(`增速${k + 1}`, "indicator_growth", { indicatorId: id }),
      criterion(`完成${k + 1}`, "indicator_completion", { indicatorId: id, method: "ratio", target: 100 }),
    ]),
    criterion("按期完成率", "task_on_time_rate", { method: "scaled" }),
    criterion("完成率", "task_completion_rate", { method: "scaled" }),
    criterion("红灯", "task_red"),
    criterion("督办未回复", "notice_unanswered"),
    criterion("未回复（比例）", "notice_unanswered", { method: "scaled" }),
    criterion("投资完成", "project_investment_completion", { method: "ratio", target: 100 }),
    criterion("按期开工", "project_started_on_time", { method: "scaled" }),
    criterion("项目预警", "project_warnings"),
  ];
}
