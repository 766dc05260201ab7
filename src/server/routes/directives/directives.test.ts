import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMeeting, buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import type { MeetingRow } from "../../../db/schema.js";
import type { MeetingOut } from "../../../schemas/meetings.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let coordinator: Agent;
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
