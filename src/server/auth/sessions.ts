import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { regions, sessions, units, users } from "../../db/schema.js";
import type { Locale, Role } from "../../domain/people.js";
import type { Actor } from "../../domain/scope.js";

export const SESSION_COOKIE = "luoshi_session";
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export async function createSession(
  tx: Queryable,
  input: { userId: string; ip: string; userAgent: string | null; ttlHours: number },
): Promise<{ token: string; id: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + input.ttlHours * 3600_000);
  const id = hashToken(token);
  await tx.insert(sessions).values({
    id,
    userId: input.userId,
    csrfToken,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
    expiresAt: expiresAt.toISOString(),
  });
  return { token, id, csrfToken, expiresAt };
}

export interface LoadedSession {
  id: string;
  csrfToken: string;
  actor: Actor;
  locale: Locale;
  mustChangePassword: boolean;
}

/**
 * Every API request looks its session up, so the statement is prepared once per connection: on
 * PostgreSQL planning the four-table join cost ten times what running it did.
 */
const lookups = new WeakMap<Queryable, ReturnType<typeof prepareLookup>>();

function prepareLookup(db: Queryable) {
  return db
    .select({
      id: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      locale: users.locale,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      unitId: users.unitId,
      regionId: units.regionId,
      regionPath: regions.path,
      regionHoldsAll: sql<boolean>`not exists (select 1 from regions r where r.path not like ${regions.path} || '%')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(eq(sessions.id, sql.placeholder("id")), gt(sessions.expiresAt, sql`now()`)))
    .limit(1)
    .prepare("load_session");
}

function sessionLookup(db: Queryable) {
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = prepareLookup(db);
    lookups.set(db, lookup);
  }
  return lookup;
}

/** The live session behind a cookie token, or null when it is unknown, expired, idle too long, or its user is deactivated. */
export async function loadSession(db: Queryable, token: string, idleMinutes: number): Promise<LoadedSession | null> {
  if (!isWellFormedToken(token)) return null;
  const id = hashToken(token);
  const rows = await sessionLookup(db).execute({ id });
  const row = rows[0];
  if (!row?.active) return null;
  const idleMs = Date.now() - new Date(row.lastSeenAt).getTime();
  if (idleMs > idleMinutes * 60_000) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  // Touch at most once a minute: a read should not write on every request.
  if (idleMs > 60_000) await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  return {
    id,
    csrfToken: row.csrfToken,
    locale: row.locale === "en" ? "en" : "zh-CN",
    mustChangePassword: row.mustChangePassword,
    actor: {
      id: row.userId,
      username: row.username,
      displayName: row.displayName,
      roles: row.roles as Role[],
      unitId: row.unitId,
      regionId: row.regionId,
      regionPath: row.regionPath,
      regionHoldsAll: row.regionHoldsAll,
    },
  };
}

export async function deleteSession(tx: Queryable, id: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(tx: Queryable, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Queryable): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
