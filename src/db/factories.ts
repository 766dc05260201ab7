import { randomUUID } from "node:crypto";
import { childPath, type RegionLevel, type Role } from "../domain/people.js";
import { similarityBands } from "../domain/similar-text.js";
import { hashPassword } from "../server/auth/password.js";
import type { Queryable } from "./connection.js";
import {
  directives,
  type MeetingRow,
  meetings,
  type RegionRow,
  regions,
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
