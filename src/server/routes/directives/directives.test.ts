import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMeeting, buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import type { MeetingRow, RegionRow } from "../../../db/schema.js";
import type { MeetingOut } from "../../../schemas/meetings.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let coordinator: Agent;
let cityRegion: RegionRow;
let countyCoordinator: Agent;
let cityMeeting: MeetingRow;
let countyMeeting: MeetingRow;

const SAFETY = "要压紧压实安全生产责任，深入开展重大事故隐患专项排查整治，坚决遏制重特大事故发生";
const SAFETY_AGAIN = "要压紧压实安全生产责任，持续开展重大事故隐患专项排查整治行动，坚决遏制重特大事故";
const OTHER = "要加快推进重大项目建设，确保新开工项目按期开工";

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const city = await buildRegion(db, { level: "city" });
  cityRegion = city;
  const county = await buildRegion(db, { parent: city });
  const cityUnit = await buildUnit(db, { region: city });
  const countyUnit = await buildUnit(db, { region: county });
  coordinator = await t.signIn(await buildUser(db, { unit: cityUnit, roles: ["coordinator"] }));
  countyCoordinator = await t.signIn(await buildUser(db, { unit: countyUnit, roles: ["coordinator"] }));
  cityMeeting = await buildMeeting(db, {
    unit: cityUnit,
    title: "市委常委会",
    heldOn: "2023-02-01",
    directiveTexts: [SAFETY, OTHER],
  });
  countyMeeting = await buildMeeting(db, {
    unit: countyUnit,
    title: "县委常委会",
    heldOn: "2023-02-10",
    directiveTexts: [SAFETY_AGAIN],
  });
});
afterAll(() => t.close());

describe("directives repeated across meetings", () => {
  it("the same deployment at another meeting is linked both ways, with how similar the texts are", async () => {
    const list = (await coordinator.get("/api/directives")).json();
    const again = list.items.find((d: { text: string }) => d.text === SAFETY_AGAIN);
    expect(again.repeats).toMatchObject([{ meetingId: cityMeeting.id, meetingTitle: "市委常委会", text: SAFETY }]);
    expect(again.repeats[0].similarity).toBeGreaterThanOrEqual(0.4);
    const other = list.items.find((d: { text: string }) => d.text === OTHER);
    expect(other.repeats).toEqual([]);

    const meeting = (await coordinator.get(`/api/meetings/${cityMeeting.id}`)).json() as MeetingOut;
    expect(meeting.directives[0].repeats.map((r) => r.meetingTitle)).toEqual(["县委常委会"]);
    expect(meeting.directives[1].repeats).toEqual([]);
  });

  it("a repeat outside the reader's scope is not shown", async () => {
    const meeting = (await countyCoordinator.get(`/api/meetings/${countyMeeting.id}`)).json() as MeetingOut;
    expect(meeting.directives[0].repeats).toEqual([]);
  });
});

describe("editing a meeting's directives", () => {
  it("keeps the id of each directive sent back with its id, adds new ones and removes those left out", async () => {
    const before = (await coordinator.get(`/api/meetings/${cityMeeting.id}`)).json() as MeetingOut;
    const [safety, other] = before.directives;
    const res = await coordinator.patch(`/api/meetings/${cityMeeting.id}`, {
      version: before.version,
      directives: [
        { id: other.id, text: `${OTHER}，年底前全部竣工`, topic: "investment" },
        { text: "要抓好春耕备耕", topic: "agriculture" },
      ],
    });
    expect(res.statusCode).toBe(200);
    const after = res.json() as MeetingOut;
    expect(after.directives.map((d) => [d.ordinal, d.text, d.topic])).toEqual([
      [1, `${OTHER}，年底前全部竣工`, "investment"],
      [2, "要抓好春耕备耕", "agriculture"],
    ]);
    expect(after.directives[0].id).toBe(other.id);
    expect(after.directives.map((d) => d.id)).not.toContain(safety.id);
  });

  it("400 naming the item when an id belongs to no directive of this meeting, and nothing changes", async () => {
    const before = (await coordinator.get(`/api/meetings/${cityMeeting.id}`)).json() as MeetingOut;
    const county = (await coordinator.get(`/api/meetings/${countyMeeting.id}`)).json() as MeetingOut;
    const res = await coordinator.patch(`/api/meetings/${cityMeeting.id}`, {
      version: before.version,
      title: "changed",
      directives: [
        { id: before.directives[0].id, text: "x" },
        { id: county.directives[0].id, text: "stolen" },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: "directives.1.id", message: "No such directive in this meeting" }]);
    const after = (await coordinator.get(`/api/meetings/${cityMeeting.id}`)).json() as MeetingOut;
    expect(after.title).toBe(before.title);
    expect(after.directives.map((d) => d.text)).toEqual(before.directives.map((d) => d.text));
  });
});

describe("suggested lead units", () => {
  it("suggests the unit a similar past directive went to and units whose keywords the text has, with why", async () => {
    const db = t.database.db;
    // The city office's own units: tasks go to units within its jurisdiction.
    const region = cityRegion;
    const safetyBureau = await buildUnit(db, { region, name: "应急管理局", keywords: ["安全生产", "应急"] });
    const reformCommission = await buildUnit(db, { region, name: "发改委", keywords: ["重大项目", "投资"] });
    await buildUnit(db, { region, name: "已撤并局", keywords: ["安全生产"], active: false });
    // Last year's safety directive was decomposed for the safety bureau.
    const past = await buildMeeting(db, { unitId: cityMeeting.unitId, title: "上年市委常委会", directiveTexts: [SAFETY, OTHER] });
    const fresh = await buildMeeting(db, { unitId: countyMeeting.unitId, directiveTexts: [SAFETY_AGAIN] });
    const city = (await coordinator.get(`/api/meetings/${past.id}`)).json() as MeetingOut;
    const safety = city.directives.find((d) => d.text === SAFETY)!;
    const created = await coordinator.post("/api/tasks", {
      title: "重大事故隐患专项排查整治",
      leadUnitId: safetyBureau.id,
      directiveIds: [safety.id],
      startOn: "2023-02-01",
      dueOn: "2023-12-31",
    });
    expect(created.statusCode, created.body).toBe(201);

    const county = (await countyCoordinator.get(`/api/meetings/${fresh.id}`)).json() as MeetingOut;
    const res = await coordinator.get(`/api/directives/${county.directives[0].id}/lead-suggestions`);
    expect(res.statusCode, res.body).toBe(200);
    const [first, ...rest] = res.json().items;
    expect(first).toMatchObject({ unit: { name: "应急管理局" }, keywords: ["安全生产"] });
    expect(first.similar).toMatchObject([{ directiveId: safety.id, meetingTitle: "上年市委常委会" }]);
    expect(first.similar[0].similarity).toBeGreaterThanOrEqual(0.25);
    // No evidence for the commission in this text; the inactive bureau is never suggested.
    expect(rest.map((s: { unit: { name: string } }) => s.unit.name)).not.toContain("已撤并局");
    expect(rest.map((s: { unit: { name: string } }) => s.unit.name)).not.toContain(reformCommission.name);

    const other = city.directives.find((d) => d.text === OTHER)!;
    const forProjects = (await coordinator.get(`/api/directives/${other.id}/lead-suggestions`)).json().items;
    expect(forProjects[0]).toMatchObject({ unit: { name: "发改委" }, keywords: ["重大项目"], similar: [] });
  });

  it("is for those who create tasks, about directives they may read", async () => {
    const county = (await countyCoordinator.get(`/api/meetings/${countyMeeting.id}`)).json() as MeetingOut;
    const city = (await coordinator.get(`/api/meetings/${cityMeeting.id}`)).json() as MeetingOut;
    // The county office does not see the city's meeting.
    expect((await countyCoordinator.get(`/api/directives/${city.directives[0].id}/lead-suggestions`)).statusCode).toBe(403);
    const viewer = await t.signIn(await buildUser(t.database.db, { roles: ["viewer"] }));
    expect((await viewer.get(`/api/directives/${county.directives[0].id}/lead-suggestions`)).statusCode).toBe(403);
    expect((await coordinator.get("/api/directives/6f1c1b9e-0000-4000-8000-000000000000/lead-suggestions")).statusCode).toBe(404);
  });
});
