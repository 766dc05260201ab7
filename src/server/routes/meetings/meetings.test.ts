import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMeeting, buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import type { UnitRow } from "../../../db/schema.js";
import type { DraftOut, MeetingOut } from "../../../schemas/meetings.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

const SEED = readFileSync(join(import.meta.dirname, "../../../../../shared/seeds/000_607c365b1cbd75a4.txt"), "utf8");

let t: TestApp;
let coordinator: Agent;
let reporter: Agent;
let otherCoordinator: Agent;
let cityUnit: UnitRow;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const province = await buildRegion(db, { level: "province" });
  const city = await buildRegion(db, { parent: province });
  const county = await buildRegion(db, { parent: city });
  const neighbour = await buildRegion(db, { parent: province });
  cityUnit = await buildUnit(db, { region: city, name: "督查室" });
  coordinator = await t.signIn(await buildUser(db, { unit: cityUnit, roles: ["coordinator"] }));
  reporter = await t.signIn(await buildUser(db, { unit: await buildUnit(db, { region: county }), roles: ["reporter"] }));
  otherCoordinator = await t.signIn(
    await buildUser(db, { unit: await buildUnit(db, { region: neighbour }), roles: ["coordinator"] }),
  );
});
afterAll(() => t.close());

describe("POST /api/meetings/draft", () => {
  it("401 without a session; 403 for a reporter", async () => {
    expect((await t.anonymous.post("/api/meetings/draft", { text: SEED })).statusCode).toBe(401);
    expect((await reporter.post("/api/meetings/draft", { text: SEED })).statusCode).toBe(403);
  });

  it("400 for an empty report, one in neither language, or unknown fields", async () => {
    const empty = await coordinator.post("/api/meetings/draft", { text: "   " });
    expect(empty.json().fields).toEqual([{ field: "text", message: "The report is empty" }]);
    const numbers = await coordinator.post("/api/meetings/draft", { text: "1234 5678 9012 3456 7890 1234 5678" });
    expect(numbers.json().fields).toEqual([{ field: "text", message: "The report is in neither Chinese nor English" }]);
    expect((await coordinator.post("/api/meetings/draft", { text: SEED, save: true })).statusCode).toBe(400);
  });

  it("proposes the meeting the reader finds, with topics and source offsets, and saves nothing", async () => {
    const res = await coordinator.post("/api/meetings/draft", { text: SEED, fileName: "tongxiang.txt" });
    expect(res.statusCode).toBe(200);
    const { draft, duplicateOf } = res.json() as DraftOut;
    expect(duplicateOf).toBeNull();
    expect(draft).toMatchObject({
      kind: "standing-committee-expanded",
      heldOn: "2022-05-27",
      presiders: ["Yu Huiyou"],
      lang: "en",
      sourceFile: "tongxiang.txt",
    });
    expect(draft.directives.length).toBe(23);
    const first = draft.directives[0];
    expect(draft.sourceText.slice(first.sourceStart!, first.sourceEnd!)).toBe(first.text);
    expect(draft.directives.find((d) => d.text.includes("stabilizing foreign trade"))?.topic).toBe("foreign-trade");
    expect((await coordinator.get("/api/meetings")).json().total).toBe(0);
  });
});

describe("POST /api/meetings and the register", () => {
  let created: MeetingOut;

  it("confirms a reviewed draft: the meeting, its studied items and directives are saved and audited", async () => {
    const { draft } = (await coordinator.post("/api/meetings/draft", { text: SEED })).json() as DraftOut;
    const res = await coordinator.post("/api/meetings", {
      ...draft,
      directives: draft.directives.slice(0, 3),
      title: "桐乡市委常委会（扩大）会议",
    });
    expect(res.statusCode).toBe(201);
    created = res.json();
    expect(created).toMatchObject({ title: "桐乡市委常委会（扩大）会议", unitName: "督查室", directiveCount: 3 });
    expect(created.directives.map((d) => d.ordinal)).toEqual([1, 2, 3]);
    const audit = (await t.signIn(await buildUser(t.database.db, { unit: cityUnit, roles: ["admin"] }))).get(
      `/api/audit?entityId=${created.id}`,
    );
    expect((await audit).json().items[0].action).toBe("meeting.create");
  });

  it("recognises the same report imported again: the draft says so, and creating it is 409", async () => {
    const { draft, duplicateOf } = (await coordinator.post("/api/meetings/draft", { text: `${SEED}\n\n` })).json() as DraftOut;
    expect(duplicateOf).toEqual({ id: created.id, title: "桐乡市委常委会（扩大）会议" });
    const again = await coordinator.post("/api/meetings", draft);
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].field).toBe("sourceText");
  });

  it("400 per field with its message, and nothing saved", async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ title: "" }, "title", "Required"],
      [{ kind: "party" }, "kind", expect.stringContaining("Invalid option") as unknown as string],
      [{ heldOn: "27 May" }, "heldOn", "Invalid ISO date"],
      [{ directives: [{ text: "" }] }, "directives.0.text", "Required"],
      [
        { studied: [{ text: "x", linkedMeetingId: "00000000-0000-4000-8000-000000000000" }] },
        "studied.0.linkedMeetingId",
        "The linked meeting does not exist",
      ],
    ];
    for (const [patch, field, message] of cases) {
      const res = await coordinator.post("/api/meetings", { title: "Valid", kind: "other", ...patch });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().fields).toContainEqual({ field, message });
    }
    expect((await coordinator.get("/api/meetings")).json().total).toBe(1);
  });

  it("links a studied item to a meeting above: the chain of spirit reads both ways", async () => {
    const res = await coordinator.post("/api/meetings", {
      title: "Township meeting",
      kind: "other",
      heldOn: "2022-06-01",
      studied: [{ text: "the spirit of the municipal standing committee meeting", linkedMeetingId: created.id }],
      directives: [{ text: "It is necessary to carry it out", topic: "economy" }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().studied[0].linkedMeetingTitle).toBe("桐乡市委常委会（扩大）会议");
    const above = (await coordinator.get(`/api/meetings/${created.id}`)).json() as MeetingOut;
    expect(above.conveyedBy.map((m) => m.title)).toEqual(["Township meeting"]);
  });

  it("lists with filters, newest first, and keeps other regions' meetings out", async () => {
    await buildMeeting(t.database.db, {
      unitId: cityUnit.id,
      title: "Economic analysis",
      kind: "economic-analysis",
      heldOn: "2023-01-10",
    });
    const all = (await coordinator.get("/api/meetings")).json();
    expect(all.items.map((m: MeetingOut) => m.title)).toEqual([
      "Economic analysis",
      "Township meeting",
      "桐乡市委常委会（扩大）会议",
    ]);
    expect((await coordinator.get("/api/meetings?kind=economic-analysis")).json().total).toBe(1);
    expect((await coordinator.get("/api/meetings?from=2022-05-28&to=2022-12-31")).json().items[0].title).toBe("Township meeting");
    expect((await coordinator.get("/api/meetings?q=桐乡")).json().total).toBe(1);
    expect((await otherCoordinator.get("/api/meetings")).json().total).toBe(0);
    expect((await otherCoordinator.get(`/api/meetings/${created.id}`)).statusCode).toBe(403);
    expect((await reporter.get(`/api/meetings/${created.id}`)).statusCode).toBe(403);
  });

  it("edits with optimistic locking", async () => {
    const ok = await coordinator.patch(`/api/meetings/${created.id}`, { title: "Renamed", version: created.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().title).toBe("Renamed");
    expect(ok.json().directives.length).toBe(3);
    expect((await coordinator.patch(`/api/meetings/${created.id}`, { title: "Lost", version: created.version })).statusCode).toBe(
      409,
    );
    expect((await otherCoordinator.patch(`/api/meetings/${created.id}`, { title: "x", version: 2 })).statusCode).toBe(403);
  });
});

describe("GET /api/directives", () => {
  it("lists directives across meetings with topic and text filters", async () => {
    const all = (await coordinator.get("/api/directives")).json();
    expect(all.total).toBe(5);
    expect(all.items[0].meetingTitle).toBe("Economic analysis");
    expect((await coordinator.get("/api/directives?topic=economy")).json().items.map((d: { text: string }) => d.text)).toEqual([
      "It is necessary to carry it out",
    ]);
    expect((await coordinator.get("/api/directives?q=digital")).json().total).toBeGreaterThan(0);
    expect((await otherCoordinator.get("/api/directives")).json().total).toBe(0);
  });
});

describe("POST /api/meetings/draft-file", () => {
  const upload = (fileName: string, content: Buffer | string) =>
    coordinator.post("/api/meetings/draft-file", { fileName, contentBase64: Buffer.from(content).toString("base64") });

  it("reads an uploaded .txt or .html report", async () => {
    const res = await upload("r.html", "<p>5月3日，市政府召开常务会议。会议强调，要加快推进项目建设。</p>");
    expect(res.statusCode).toBe(200);
    expect(res.json().draft.directives.map((d: { text: string }) => d.text)).toEqual(["要加快推进项目建设"]);
  });

  it("reads a real Word document, paragraph by paragraph", async () => {
    const paragraphs = [
      "市政府召开第12次常务会议",
      "3月8日，市长主持召开市政府第12次常务会议。",
      "会议强调，要加快推进重大项目建设，确保一季度开门红。",
      "会议要求，要抓好安全生产，坚决遏制重特大事故发生。",
    ];
    const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] });
    const res = await upload("常务会议.docx", await Packer.toBuffer(doc));
    expect(res.statusCode).toBe(200);
    const { draft } = res.json();
    expect(draft.kind).toBe("executive");
    expect(draft.sourceFile).toBe("常务会议.docx");
    expect(draft.directives.map((d: { text: string }) => d.text)).toEqual([
      "要加快推进重大项目建设，确保一季度开门红",
      "要抓好安全生产，坚决遏制重特大事故发生",
    ]);
  });

  it("refuses empty, binary, fake .docx and other file types with the reason", async () => {
    expect((await upload("empty.txt", "")).json().fields).toEqual([{ field: "contentBase64", message: "Required" }]);
    expect((await upload("x.txt", Buffer.from([0, 1, 2, 0, 5]))).json().fields).toEqual([
      { field: "contentBase64", message: "not a text file" },
    ]);
    expect((await upload("x.docx", "plain text")).json().fields).toEqual([
      { field: "contentBase64", message: "not a .docx document" },
    ]);
    expect((await upload("x.pdf", "%PDF")).json().fields).toEqual([
      { field: "fileName", message: "Only .txt, .html and .docx files are read" },
    ]);
  });
});

describe("the upload limit", () => {
  it("a file over LUOSHI_MAX_UPLOAD_MB is refused with the reason, and a body far over it with 413", async () => {
    const before = process.env.LUOSHI_MAX_UPLOAD_MB;
    process.env.LUOSHI_MAX_UPLOAD_MB = "0.001";
    try {
      const big = Buffer.from("会议强调，要加快推进项目建设。".repeat(200));
      const res = await coordinator.post("/api/meetings/draft-file", {
        fileName: "big.txt",
        contentBase64: big.toString("base64"),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields).toEqual([{ field: "contentBase64", message: "the file is larger than the upload limit" }]);
    } finally {
      if (before === undefined) delete process.env.LUOSHI_MAX_UPLOAD_MB;
      else process.env.LUOSHI_MAX_UPLOAD_MB = before;
    }
    const huge = await coordinator.post("/api/meetings/draft-file", {
      fileName: "huge.txt",
      contentBase64: "A".repeat(40 * 1024 * 1024),
    });
    expect(huge.statusCode).toBe(413);
  });
});
