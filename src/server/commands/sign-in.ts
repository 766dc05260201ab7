import { and, count, eq, gt, min, sql } from "drizzle-orm";
import type { Database } from "../../db/connection.js";
import { loginAttempts, users } from "../../db/schema.js";
import { normalizeUsername, type Role } from "../../domain/people.js";
import type { Actor } from "../../domain/scope.js";
import { writeAudit } from "../audit.js";
import { UNMATCHABLE_HASH, verifyPassword } from "../auth/password.js";
import { createSession, deleteSession } from "../auth/sessions.js";
import type { Config } from "../config.js";
import type { RequestContext } from "../context.js";
import { HttpError, tooManyRequests } from "../errors.js";
import { findUserBy, type LoadedUser } from "../queries/users.js";

export interface SignInResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: LoadedUser;
  actor: Actor;
}

/** Failures in the window, per account and per address, across every server sharing the database. */
async function checkThrottle(database: Database, config: Config, username: string, ip: string) {
  const since = sql`now() - make_interval(mins => ${config.loginWindowMinutes})`;
  const failures = (where: ReturnType<typeof and>) =>
    database.db
      .select({ n: count(), first: min(loginAttempts.at) })
      .from(loginAttempts)
      .where(where);
  const [byAccount] = await failures(
    and(eq(loginAttempts.username, username), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)),
  );
  const [byAddress] = await failures(
    and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)),
  );
  for (const [row, max] of [
    [byAccount, config.loginMaxFailuresPerAccount],
    [byAddress, config.loginMaxFailuresPerAddress],
  ] as const) {
    if (row.n >= max && row.first) {
      const retry = Math.max(
        1,
        Math.ceil((new Date(row.first).getTime() + config.loginWindowMinutes * 60_000 - Date.now()) / 1000),
      );
      throw tooManyRequests(retry);
    }
  }
}

/**
 * Checks a username and password and opens a session. A failure is recorded (and audited) in
 * its own transaction before the error goes out, so throttling sees it.
 */
export async function signIn(
  database: Database,
  config: Config,
  ctx: RequestContext,
  input: { username: string; password: string },
): Promise<SignInResult> {
  const username = normalizeUsername(input.username);
  await checkThrottle(database, config, username, ctx.ip);
  const user = await findUserBy(database.db, eq(users.username, username));
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? UNMATCHABLE_HASH);

  if (!user || !passwordOk || !user.active) {
    const reason = !user ? "unknown_user" : !passwordOk ? "wrong_password" : "inactive";
    await database.db.transaction(async (tx) => {
      await tx.insert(loginAttempts).values({ username, ip: ctx.ip, succeeded: false });
      await writeAudit(tx, ctx, {
        action: "auth.login_failed",
        entityType: "session",
        entityId: user?.id ?? null,
        after: { username, reason },
        actorOverride: { id: user?.id ?? null, name: username },
      });
    });
    throw new HttpError(401, "unauthorized", user && passwordOk ? "account_inactive" : "bad_credentials");
  }

  return database.db.transaction(async (tx) => {
    // Rotate: whatever session the browser held before is ended.
    if (ctx.sessionId) await deleteSession(tx, ctx.sessionId);
    await tx.insert(loginAttempts).values({ username, ip: ctx.ip, succeeded: true });
    await tx.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, user.id));
    const session = await createSession(tx, {
      userId: user.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      ttlHours: config.sessionTtlHours,
    });
    await writeAudit(tx, ctx, {
      action: "auth.login",
      entityType: "session",
      entityId: user.id,
      after: { username },
      actorOverride: { id: user.id, name: user.username },
    });
    const actor: Actor = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles as Role[],
      unitId: user.unitId,
      regionId: user.regionId,
      regionPath: user.regionPath,
    };
    return { token: session.token, csrfToken: session.csrfToken, expiresAt: session.expiresAt, user, actor };
  });
}
