/**
 * The records of one unit that the route examples aim at (route-examples.ts): built in a region,
 * and read again after a write changed them.
 */
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import {
  buildAttachment,
  buildCampaign,
  buildIndicator,
  buildMeeting,
  buildRegion,
  buildReport,
  buildTask,
  buildUnit,
  buildUser,
} from "../../db/factories.js";
import {
  type AttachmentRow,
  analyses,
  bulletinSchedules,
  bulletins,
  type CampaignRow,
  campaigns,
  directives,
  evaluationPeers,
  evaluationResults,
  evaluationSchemes,
  indicators,
  instructions,
  instructionUnits,
  type MeetingRow,
  meetings,
  milestones,
  notices,
  noticeTasks,
  type ProgressReportRow,
  projects,
  type RegionRow,
  regionMaps,
  regions,
  type TaskRow,
  tasks,
  type UnitRow,
  type UserRow,
  units,
  users,
} from "../../db/schema.js";
import type { TestApp } from "../testing.js";

export interface Fixture {
  /** Distinguishes what the examples create for this fixture (codes and names are unique). */
  n: number;
  /** A second unit in the same region, the other peer of the evaluation scheme. */
  secondUnit: UnitRow;
  /** The versions of records the examples name only by id. */
  versions: { bulletin: number; project: number; indicator: number; analysis: number; scheme: number };
  /** The code of a region below the fixture's (what its map is drawn of). */
  childRegionCode: string;
  /** A monthly investment sheet for the fixture's project. */
  projectSheet: Buffer;
  /** A work ledger with one task led by the other unit; a sheet of the other region's figures. */
  ledger: Buffer;
  indicatorSheet: Buffer;
  /** Where the records are, as their project's code says (OTHER-below, OTHER-above, OTHER-beside). */
  tag: string;
  region: RegionRow;
  otherUnit: UnitRow;
  otherUser: UserRow;
  otherMeeting: MeetingRow;
  otherTask: TaskRow;
  otherCampaign: CampaignRow;
  otherReport: ProgressReportRow;
  otherAttachment: AttachmentRow;
  otherDirectiveId: string;
  otherMilestoneId: string;
  otherNoticeId: string;
  otherBulletinId: string;
  otherInstructionId: string;
  otherScheduleId: string;
  otherProjectId: string;
  otherIndicatorId: string;
  otherAnalysisId: string;
  otherSchemeId: string;
  otherResultId: string;
}

let fixtures = 0;

const workbook = async (sheet: string, rows: unknown[][]) => {
  const book = new ExcelJS.Workbook();
  book.addWorksheet(sheet).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
};
/** A work ledger with one task led by the unit, named as it is now. */
const ledgerFor = (unit: UnitRow) =>
  workbook("台账", [
    ["任务", "牵头单位", "完成时限"],
    ["A task", unit.name, "2030-01-01"],
  ]);
/** A month's statistics workbook with one figure for the region, named as it is now. */
const indicatorSheetFor = (region: RegionRow, code: string) =>
  workbook("2026年6月", [
    ["指标", region.name],
    [code, 12.5],
  ]);

/** Reads the fixture's records again after a write changed them (versions, names), and the sheets that name them. */
export async function refreshFixture(db: TestApp["database"]["db"], f: Fixture): Promise<Fixture> {
  const one = async <T>(rows: Promise<T[]>, was: T) => (await rows)[0] ?? was;
  const region = await one(db.select().from(regions).where(eq(regions.id, f.region.id)), f.region);
  const otherUnit = await one(db.select().from(units).where(eq(units.id, f.otherUnit.id)), f.otherUnit);
  const [indicator] = await db
    .select({ code: indicators.code, version: indicators.version })
    .from(indicators)
    .where(eq(indicators.id, f.otherIndicatorId));
  const version = async (table: typeof bulletins | typeof projects | typeof analyses | typeof evaluationSchemes, id: string) =>
    (await db.select({ version: table.version }).from(table).where(eq(table.id, id)))[0]?.version ?? 1;
  return {
    ...f,
    region,
    otherUnit,
    otherUser: await one(db.select().from(users).where(eq(users.id, f.otherUser.id)), f.otherUser),
    otherMeeting: await one(db.select().from(meetings).where(eq(meetings.id, f.otherMeeting.id)), f.otherMeeting),
    otherTask: await one(db.select().from(tasks).where(eq(tasks.id, f.otherTask.id)), f.otherTask),
    otherCampaign: await one(db.select().from(campaigns).where(eq(campaigns.id, f.otherCampaign.id)), f.otherCampaign),
    versions: {
      bulletin: await version(bulletins, f.otherBulletinId),
      project: await version(projects, f.otherProjectId),
      indicator: indicator?.version ?? 1,
      analysis: await version(analyses, f.otherAnalysisId),
      scheme: await version(evaluationSchemes, f.otherSchemeId),
    },
    ledger: await ledgerFor(otherUnit),
    indicatorSheet: await indicatorSheetFor(region, indicator?.code ?? ""),
  };
}
/** The level of a region's children. */
export const CHILD_LEVEL = { province: "city", city: "county", county: "township", township: "township" } as const;

/** The records of one unit (in `region`) that the examples aim at. */
export async function buildFixture(
  db: TestApp["database"]["db"],
  region: RegionRow,
  otherUnit: UnitRow,
  tag: string,
): Promise<{ fixture: Fixture }> {
  const otherUser = await buildUser(db, { unit: otherUnit });
  const otherMeeting = await buildMeeting(db, { unitId: otherUnit.id, directiveTexts: ["要加快推进重大项目建设"] });
  const [otherDirective] = await db.select().from(directives).where(eq(directives.meetingId, otherMeeting.id));
  const otherTask = await buildTask(db, { owner: otherUnit, state: "accepted" });
  const otherCampaign = await buildCampaign(db, { unit: otherUnit });
  const otherAttachment = await buildAttachment(db, { createdBy: otherUser.id });
  const otherReport = await buildReport(db, { task: otherTask, attachment: otherAttachment });
  const ledger = await ledgerFor(otherUnit);
  const [otherMilestone] = await db
    .insert(milestones)
    .values({ taskId: otherTask.id, ordinal: 1, title: "Land approved", dueOn: "2023-06-30" })
    .returning();
  const [otherNotice] = await db
    .insert(notices)
    .values({
      kind: "urge",
      fromUnitId: otherUnit.id,
      toUnitId: otherUnit.id,
      body: "Hurry",
      replyBy: "2099-01-01",
      createdByName: "x",
    })
    .returning();
  await db.insert(noticeTasks).values({ noticeId: otherNotice.id, taskId: otherTask.id });
  const [otherBulletin] = await db
    .insert(bulletins)
    .values({
      title: "Bulletin",
      issuerUnitId: otherUnit.id,
      regionId: region.id,
      periodFrom: "2023-01-01",
      periodTo: "2023-01-31",
      content: {
        asOf: "2023-01-31",
        summary: { tasks: 1, due: 0, closed: 0, closedOnTime: 0, overdue: 0, red: 0, onTimeRate: null, completionRate: null },
        overdue: [],
        red: [],
        rankings: [],
        unanswered: [],
        supervision: [],
      },
      createdByName: "x",
    })
    .returning();
  const [otherInstruction] = await db
    .insert(instructions)
    .values({
      subjectType: "task",
      subjectId: otherTask.id,
      subjectTitle: otherTask.title,
      text: "Go",
      authorName: "x",
      authorUnitId: otherUnit.id,
    })
    .returning();
  await db.insert(instructionUnits).values({ instructionId: otherInstruction.id, unitId: otherUnit.id });
  const [otherSchedule] = await db
    .insert(bulletinSchedules)
    .values({ issuerUnitId: otherUnit.id, regionId: region.id })
    .returning();
  const [otherProject] = await db
    .insert(projects)
    .values({
      code: `OTHER-${tag}`,
      name: "Other project",
      regionId: region.id,
      leadUnitId: otherUnit.id,
      category: "industrial",
      level: "city",
      totalInvestment: 100,
    })
    .returning();
  await db
    .insert(regionMaps)
    .values({ regionId: region.id, geojson: { type: "FeatureCollection", features: [] }, generated: true })
    .onConflictDoNothing();
  const otherIndicator = await buildIndicator(db, { sourceUnitId: otherUnit.id });
  const indicatorSheet = await indicatorSheetFor(region, otherIndicator.code);
  const [otherAnalysis] = await db
    .insert(analyses)
    .values({
      period: "2026-06",
      regionId: region.id,
      title: "Analysis",
      locale: "en",
      figures: { month: "2026-06", city: "City", rows: [] },
      sections: [{ heading: "Overview", paragraphs: ["Steady."] }],
      createdByName: "x",
    })
    .returning();
  const [otherScheme] = await db
    .insert(evaluationSchemes)
    .values({ name: "Scheme", period: "half", peerKind: "unit", ownerUnitId: otherUnit.id })
    .returning();
  const secondUnit = await buildUnit(db, { region });
  const child = await buildRegion(db, { parent: region });
  await db.insert(evaluationPeers).values([
    { schemeId: otherScheme.id, unitId: otherUnit.id, peerId: otherUnit.id },
    { schemeId: otherScheme.id, unitId: secondUnit.id, peerId: secondUnit.id },
  ]);
  const months = new ExcelJS.Workbook();
  months.addWorksheet("月度投资").addRows([
    ["项目编码", "月份", "当月完成投资（万元）", "形象进度"],
    [`OTHER-${tag}`, "2026-06", 100, "主体施工"],
  ]);
  const projectSheet = Buffer.from(await months.xlsx.writeBuffer());
  const [otherResult] = await db
    .insert(evaluationResults)
    .values({
      schemeId: otherScheme.id,
      period: "2025-H2",
      version: 1,
      content: { from: "2025-07", to: "2025-12", criteria: [], rows: [] },
    })
    .returning();
  const fixture: Fixture = {
    n: ++fixtures,
    versions: { bulletin: 1, project: 1, indicator: 1, analysis: 1, scheme: 1 },
    secondUnit,
    childRegionCode: child.code,
    projectSheet,
    tag,
    ledger,
    indicatorSheet,
    otherSchemeId: otherScheme.id,
    otherResultId: otherResult.id,
    otherAnalysisId: otherAnalysis.id,
    otherIndicatorId: otherIndicator.id,
    otherProjectId: otherProject.id,
    otherScheduleId: otherSchedule.id,
    otherNoticeId: otherNotice.id,
    otherBulletinId: otherBulletin.id,
    otherInstructionId: otherInstruction.id,
    otherMilestoneId: otherMilestone.id,
    otherDirectiveId: otherDirective.id,
    region,
    otherUnit,
    otherUser,
    otherMeeting,
    otherTask,
    otherCampaign,
    otherReport,
    otherAttachment,
  };
  return { fixture };
}
