import { randomUUID } from "node:crypto";
import { childPath, type RegionLevel, type Role } from "../domain/people.js";
import { similarityBands } from "../domain/similar-text.js";
import { hashPassword } from "../server/auth/password.js";
import type { Queryable } from "./connection.js";
import { recountPendingReports } from "./pending-reports.js";
import {
  type AttachmentRow,
  attachments,
  type CampaignRow,
  campaigns,
  directives,
  type IndicatorRow,
  indicators,
  type MeetingRow,
  meetings,
  type ProgressReportRow,
  progressReports,
  type RegionRow,
  regions,
  reportAttachments,
  type TaskRow,
  tasks,
  type UnitRow,
  type UserRow,
  units,
  users,
} from "./schema.js";

/**
 * `buildX(db, overrides)` factories for tests and scripts: each creates what it needs and
 * is missing (a unit without a region gets one). They write rows directly, without audit.
 */
let seq = 0;
const next = () => ++seq;
/** Unique within a test database (a counter), shaped like real codes; tests that need real ones pass them. */
const codeFor = (level: RegionLevel, n: number) => (level === "township" ? String(100000000 + n) : String(100000 + n));

export async function buildRegion(
  db: Queryable,
  overrides: Partial<RegionRow> & { parent?: RegionRow } = {},
): Promise<RegionRow> {
  const n = next();
  const level = overrides.level ?? (overrides.parent ? childLevel(overrides.parent.level) : "city");
  const parent = overrides.parent ?? (level === "province" ? undefined : await buildRegion(db, { level: parentLevel(level) }));
  const id = overrides.id ?? randomUUID();
  const { parent: _p, ...rest } = overrides;
  const [row] = await db
    .insert(regions)
    .values({
      code: codeFor(level, n),
      name: `Region ${n}`,
      ...rest,
      id,
      level,
      parentId: parent?.id ?? null,
      path: childPath(parent?.path ?? null, id),
    })
    .returning();
  return row;
}

function childLevel(level: RegionLevel): RegionLevel {
  return level === "province" ? "city" : level === "city" ? "county" : "township";
}
function parentLevel(level: RegionLevel): RegionLevel {
  return level === "township" ? "county" : level === "county" ? "city" : "province";
}

export async function buildUnit(db: Queryable, overrides: Partial<UnitRow> & { region?: RegionRow } = {}): Promise<UnitRow> {
  const n = next();
  const region = overrides.region ?? (overrides.regionId ? undefined : await buildRegion(db));
  const { region: _r, ...rest } = overrides;
  const [row] = await db
    .insert(units)
    .values({ name: `Unit ${n}`, code: `U${n}-${randomUUID().slice(0, 6)}`, ...rest, regionId: overrides.regionId ?? region!.id })
    .returning();
  return row;
}

export const TEST_PASSWORD = "Test-password-1";
let cachedHash: Promise<string> | undefined;

export async function buildUser(
  db: Queryable,
  overrides: Partial<UserRow> & { unit?: UnitRow; roles?: Role[]; password?: string } = {},
): Promise<UserRow> {
  const n = next();
  const unit = overrides.unit ?? (overrides.unitId ? undefined : await buildUnit(db));
  const { unit: _u, password, ...rest } = overrides;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = password ? await hashPassword(password) : await cachedHash;
  const [row] = await db
    .insert(users)
    .values({
      username: `user${n}-${randomUUID().slice(0, 6)}`,
      displayName: `User ${n}`,
      roles: ["viewer"],
      locale: "en",
      ...rest,
      unitId: overrides.unitId ?? unit!.id,
      passwordHash,
    })
    .returning();
  return row;
}

export async function buildMeeting(
  db: Queryable,
  overrides: Partial<MeetingRow> & { unit?: UnitRow; directiveTexts?: string[] } = {},
): Promise<MeetingRow> {
  const n = next();
  const unit = overrides.unit ?? (overrides.unitId ? undefined : await buildUnit(db));
  const { unit: _u, directiveTexts = [`It is necessary to carry out task ${n}`], ...rest } = overrides;
  const [row] = await db
    .insert(meetings)
    .values({ title: `Meeting ${n}`, kind: "other", heldOn: "2023-03-01", ...rest, unitId: overrides.unitId ?? unit!.id })
    .returning();
  if (directiveTexts.length)
    await db
      .insert(directives)
      .values(
        directiveTexts.map((text, i) => ({ meetingId: row.id, ordinal: i + 1, text, similarityBands: similarityBands(text) })),
      );
  return row;
}

export async function buildCampaign(
  db: Queryable,
  overrides: Partial<CampaignRow> & { unit?: UnitRow } = {},
): Promise<CampaignRow> {
  const n = next();
  const unit = overrides.unit ?? (overrides.unitId ? undefined : await buildUnit(db));
  const { unit: _u, ...rest } = overrides;
  const [row] = await db
    .insert(campaigns)
    .values({ name: `Campaign ${n}`, startOn: "2023-01-01", endOn: "2023-12-31", ...rest, unitId: overrides.unitId ?? unit!.id })
    .returning();
  return row;
}

/** A task assigned by `owner` to `lead` (both default to new units); pass `parent` for a sub-task. */
export async function buildTask(
  db: Queryable,
  overrides: Partial<TaskRow> & { owner?: UnitRow; lead?: UnitRow; parent?: TaskRow } = {},
): Promise<TaskRow> {
  const n = next();
  const owner = overrides.owner ?? (overrides.ownerUnitId ? undefined : await buildUnit(db));
  const lead = overrides.lead ?? (overrides.leadUnitId ? undefined : owner);
  const { owner: _o, lead: _l, parent, ...rest } = overrides;
  const id = randomUUID();
  const [row] = await db
    .insert(tasks)
    .values({
      id,
      title: `Task ${n}`,
      startOn: "2023-01-01",
      dueOn: "2023-12-31",
      state: "assigned",
      ...rest,
      parentId: parent?.id ?? null,
      path: childPath(parent?.path ?? null, id),
      ownerUnitId: overrides.ownerUnitId ?? owner!.id,
      leadUnitId: overrides.leadUnitId ?? lead!.id,
    })
    .returning();
  return row;
}

export async function buildReport(
  db: Queryable,
  overrides: Partial<ProgressReportRow> & { task: TaskRow; attachment?: AttachmentRow },
): Promise<ProgressReportRow> {
  const { task, attachment, ...rest } = overrides;
  const [row] = await db
    .insert(progressReports)
    .values({
      taskId: task.id,
      unitId: task.leadUnitId,
      period: "2023-05",
      narrative: "Work is going on",
      percent: 40,
      submittedByName: "Reporter",
      review: "pending",
      ...rest,
    })
    .returning();
  if (attachment) await db.insert(reportAttachments).values({ reportId: row.id, attachmentId: attachment.id });
  await recountPendingReports(db, [task.id]);
  return row;
}

/** The row only: tests that need the bytes upload through the route. */
export async function buildAttachment(db: Queryable, overrides: Partial<AttachmentRow> = {}): Promise<AttachmentRow> {
  const [row] = await db
    .insert(attachments)
    .values({ sha256: "0".repeat(64), name: "photo.jpg", mime: "image/jpeg", size: 3, ...overrides })
    .returning();
  return row;
}

export async function buildIndicator(db: Queryable, overrides: Partial<IndicatorRow> = {}): Promise<IndicatorRow> {
  const n = next();
  const [row] = await db
    .insert(indicators)
    .values({
      code: `IND${n}-${randomUUID().slice(0, 4)}`,
      nameZh: `指标 ${n}`,
      nameEn: `Indicator ${n}`,
      measureUnit: "亿元",
      measureUnitEn: "100 million yuan",
      group: "industry",
      ...overrides,
    })
    .returning();
  return row;
}
