import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndicator, buildRegion, buildTask, buildUnit, buildUser } from "../../../db/factories.js";
import type { IndicatorRow, RegionRow, UnitRow } from "../../../db/schema.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let counties: RegionRow[];
let governments: UnitRow[];
let iva: IndicatorRow;
let office: Agent;
let viewer: Agent;
let schemeId: string;

// Growth in the first half: 南湖 7.0%, 秀洲 1.9%, 嘉善 -8.7% (the hand-worked figures of the indicators tests).
const JUNE: [number, number, number][] = [
  [0, 512.4, 548.27],
  [1, 296.02, 301.55],
  [2, 131.5, 120],
];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const city = await buildRegion(db, { level: "city", name: "嘉兴市" });
  counties = [];
  governments = [];
  for (const name of ["南湖区", "秀洲区", "嘉善县"]) {
    const r = await buildRegion(db, { parent: city, name });
    counties.push(r);
    governments.push(await buildUnit(db, { region: r, name: `${name}人民政府` }));
  }
  const dcs = await buildUnit(db, { region: city, name: "督查室" });
  iva = await buildIndicator(db, { code: "IVA" });
  office = await t.signIn(await buildUser(db, { unit: dcs, roles: ["coordinator"] }));
  viewer = await t.signIn(await buildUser(db, { unit: governments[0], roles: ["viewer"] }));
  const values = JUNE.flatMap(([i, last, now]) => [
    { regionId: counties[i].id, period: "2025-06", value: last },
    { regionId: counties[i].id, period: "2026-06", value: now },
  ]);
  expect((await office.put(`/api/indicators/${iva.id}/values`, { values })).statusCode).toBe(200);
  // Tasks due in the half: 南湖 1 of 2 on time, 秀洲 2 of 2, 嘉善 none due (no figure).
  const due = (lead: UnitRow, closedAt: string | null) =>
    buildTask(db, {
      owner: dcs,
      lead,
      dueOn: "2026-05-31",
      state: closedAt ? "closed" : "in_progress",
      closedAt,
    });
  await due(governments[0], "2026-05-20T02:00:00Z");
  await due(governments[0], null);
  await due(governments[1], "2026-05-10T02:00:00Z");
  await due(governments[1], "2026-05-30T02:00:00Z");
});
afterAll(() => t.close());

const scheme = () => ({
  name: "2026 年上半年比学赶超",
  period: "half",
  peerKind: "region",
  redFlags: 1,
  yellowFlags: 1,
  peers: counties.map((c) => ({ peerId: c.id, group: "县（市、区）" })),
  criteria: [
    {
      name: "规上工业增加值增速",
      source: "indicator_growth",
      indicatorId: iva.id,
      weight: 60,
      method: "rank",
      better: "higher",
      missing: "zero",
    },
    { name: "任务按期完成率", source: "task_on_time_rate", weight: 40, method: "scaled", better: "higher", missing: "average" },
  ],
});

describe("an evaluation scheme", () => {
  it("an office sets one up; bad peers and criteria are refused on their field", async () => {
    expect((await viewer.post("/api/evaluations", scheme())).statusCode).toBe(403);
    const bad = await office.post("/api/evaluations", { ...scheme(), peers: [scheme().peers[0]] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe("peers");
    const noIndicator = await office.post("/api/evaluations", {
      ...scheme(),
      criteria: [{ ...scheme().criteria[0], indicatorId: null }],
    });
    expect(noIndicator.json().fields[0].field).toBe("criteria.0.indicatorId");
    const res = await office.post("/api/evaluations", scheme());
    expect(res.statusCode).toBe(201);
    schemeId = res.json().id;
    expect(res.json().peers.map((p: { name: string }) => p.name)).toEqual(["南湖区", "秀洲区", "嘉善县"]);
  });

  it("computes the half year from the figures, with each peer's breakdown", async () => {
    const res = await office.post(`/api/evaluations/${schemeId}/results`, { period: "2026-H1" });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ period: "2026-H1", from: "2026-01", to: "2026-06", version: 1, state: "draft" });
    // Growth by rank: 60, 30, 0. On time 50% and 100%, scaled: 0 and 40; 嘉善 had none due: the average, 20.
    type Row = {
      name: string;
      total: number;
      rank: number;
      flag: string | null;
      scores: { figure: number | null; points: number; missing: string | null }[];
    };
    expect(r.rows.map((x: Row) => [x.name, x.total, x.rank, x.flag])).toEqual([
      ["秀洲区", 70, 1, "red"],
      ["南湖区", 60, 2, null],
      ["嘉善县", 20, 3, "yellow"],
    ]);
    const jiashan = r.rows.find((x: Row) => x.name === "嘉善县");
    expect(jiashan.scores[1]).toMatchObject({ figure: null, points: 20, missing: "average" });
    expect(jiashan.scores[0].figure.toFixed(1)).toBe("-8.7");
    expect(r.criteria.map((c: { name: string }) => c.name)).toEqual(["规上工业增加值增速", "任务按期完成率"]);
  });

  it("a bonus with its reason counts from the next computation; the result is published and locked", async () => {
    const bonus = await office.post(`/api/evaluations/${schemeId}/adjustments`, {
      period: "2026-H1",
      peerId: counties[0].id,
      points: 15,
      reason: "省级营商环境改革试点获评优秀",
    });
    expect(bonus.statusCode).toBe(201);
    expect(
      (
        await office.post(`/api/evaluations/${schemeId}/adjustments`, {
          period: "2026-H1",
          peerId: counties[0].id,
          points: 0,
          reason: "x",
        })
      ).json().fields[0].field,
    ).toBe("points");
    const again = (await office.post(`/api/evaluations/${schemeId}/results`, { period: "2026-H1" })).json();
    expect(again.version).toBe(1);
    expect(again.rows[0]).toMatchObject({ name: "南湖区", total: 75, rank: 1, flag: "red", adjustmentPoints: 15 });
    expect(again.rows[0].adjustments).toEqual([{ points: 15, reason: "省级营商环境改革试点获评优秀" }]);

    expect((await viewer.post(`/api/evaluation-results/${again.id}/publish`)).statusCode).toBe(403);
    const published = await office.post(`/api/evaluation-results/${again.id}/publish`);
    expect(published.json()).toMatchObject({ state: "published", abilities: { publish: false } });
    const locked = await office.post(`/api/evaluations/${schemeId}/results`, { period: "2026-H1" });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().fields[0].field).toBe("correction");
  });

  it("a correction is a new version; publishing it keeps the old one as superseded", async () => {
    const first = (await viewer.get(`/api/evaluations/${schemeId}`)).json().periods[0];
    const fixed = await office.post(`/api/evaluations/${schemeId}/results`, {
      period: "2026-H1",
      correction: "嘉善县任务数据补报",
    });
    expect(fixed.json()).toMatchObject({ version: 2, state: "draft", correction: "嘉善县任务数据补报" });
    await office.post(`/api/evaluation-results/${fixed.json().id}/publish`);
    expect((await viewer.get(`/api/evaluation-results/${first.resultId}`)).json().state).toBe("superseded");
    const periods = (await viewer.get(`/api/evaluations/${schemeId}`)).json().periods;
    expect(periods).toEqual([{ period: "2026-H1", resultId: fixed.json().id, version: 2, state: "published" }]);
  });

  it("the next half shows each peer's rank in the last one", async () => {
    const next = (await office.post(`/api/evaluations/${schemeId}/results`, { period: "2026-H2" })).json();
    const nanhu = next.rows.find((x: { name: string }) => x.name === "南湖区");
    expect(nanhu.previousRank).toBe(1);
    expect((await office.post(`/api/evaluations/${schemeId}/results`, { period: "2026-H3" })).statusCode).toBe(400);
  });

  it("the history says who held the flags; the cockpit shows the latest", async () => {
    const history = (await viewer.get(`/api/evaluations/${schemeId}/history`)).json();
    expect(history.items).toEqual([
      expect.objectContaining({ period: "2026-H1", version: 2, red: ["南湖区"], yellow: ["嘉善县"] }),
    ]);
    const cockpit = (await viewer.get("/api/cockpit")).json();
    expect(cockpit.flags).toEqual([
      expect.objectContaining({ scheme: "2026 年上半年比学赶超", period: "2026-H1", red: ["南湖区"], yellow: ["嘉善县"] }),
    ]);
  });

  it("a bulletin for a period the half year ends in lists its flags, on screen and in Word", async () => {
    const res = await office.post("/api/bulletins", { periodFrom: "2026-06-01", periodTo: "2026-06-30" });
    expect(res.statusCode).toBe(201);
    expect(res.json().content.flags).toEqual([
      expect.objectContaining({ scheme: "2026 年上半年比学赶超", period: "2026-H1", red: ["南湖区"], yellow: ["嘉善县"] }),
    ]);
    const doc = await office.get(`/api/bulletins/${res.json().id}/docx`);
    const { value } = await mammoth.extractRawText({ buffer: doc.rawPayload });
    expect(value).toContain("Mutual learning and competition");
    expect(value).toContain("南湖区");
    const july = (await office.post("/api/bulletins", { periodFrom: "2026-07-01", periodTo: "2026-07-31" })).json();
    expect(july.content.flags).toEqual([]);
  });

  it("a breakdown's task figure can be opened: the tasks of a region's units due in the period", async () => {
    const res = await office.get(`/api/tasks?regionId=${counties[0].id}&dueFrom=2026-01-01&dueTo=2026-06-30`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((x: { leadUnit: { name: string } }) => x.leadUnit.name)).toEqual([
      "南湖区人民政府",
      "南湖区人民政府",
    ]);
    expect((await office.get(`/api/tasks?regionId=${counties[2].id}`)).json().items).toEqual([]);
  });

  it("a bonus carries its evidence, which everyone may read; another person's file cannot be made evidence", async () => {
    const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);
    const upload = (agent: Agent) =>
      agent.request("POST", "/api/attachments", JPEG, { "x-file-name": "award.jpg" }).then((r) => r.json().id as string);
    const mine = await upload(office);
    const res = await office.post(`/api/evaluations/${schemeId}/adjustments`, {
      period: "2026-H2",
      peerId: counties[1].id,
      points: 3,
      reason: "省级表彰",
      attachmentId: mine,
    });
    expect(res.statusCode).toBe(201);
    expect((await viewer.get(`/api/attachments/${mine}`)).statusCode).toBe(200);
    const listed = (await viewer.get(`/api/evaluations/${schemeId}/adjustments?period=2026-H2`)).json();
    expect(listed[0]).toMatchObject({ reason: "省级表彰", attachmentId: mine });
    const theirs = await upload(await t.signIn(await buildUser(t.database.db, { unit: governments[1], roles: ["reporter"] })));
    expect(theirs).toBeTruthy();
    const refused = await office.post(`/api/evaluations/${schemeId}/adjustments`, {
      period: "2026-H2",
      peerId: counties[1].id,
      points: 3,
      reason: "x",
      attachmentId: theirs,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].field).toBe("attachmentId");
  });
});
