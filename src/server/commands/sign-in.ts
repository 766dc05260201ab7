import { and, count, eq, gt, max, min, sql } from "drizzle-orm";
import type { Database } from "../../db/connection.js";
import { loginAttempts, users } from "../../db/schema.js";
import { normalizeUsername, type Role } from "../../domain/people.js";
import type { Actor } from "../../domain/scope.js";
import { lockSeconds } from "../../domain/sign-in-backoff.js";
import { writeAudit } from "../audit.js";
import { UNMATCHABLE_HASH, verifyPassword } from "../auth/password.js";
import { createSession, deleteSession } from "../auth/sessions.js";
import type { Config } from "../config.js";
import type { RequestContext } from "../context.js";
import { HttpError, tooManyRequests } from "../errors.js";
import { findUserBy, type LoadedUser } from "../queries/users.js";

/** The longest an account is locked, and how far back its failures count. */
const LOCK_CAP_HOURS = 24;

export interface SignInResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: LoadedUser;
  actor: Actor;
}

/**
 * Per account, a growing back-off: the failures since the account's last successful sign-in (and
 * within the last day) lock it for longer and longer (domain/sign-in-backoff.ts). Per address, a
 * fixed window against one client trying many accounts. Counted across every server sharing the database.
 */
async function checkThrottle(database: Database, config: Config, username: string, ip: string) {
  const lastSuccess = sql`(select max(${loginAttempts.at}) from ${loginAttempts} where ${loginAttempts.username} = ${username} and ${loginAttempts.succeeded})`;
  const [byAccount] = await database.db
    .select({ n: count(), last: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.at, sql`greatest(${lastSuccess}, now() - make_interval(hours => ${LOCK_CAP_HOURS}))`),
      ),
    );
  const lock = lockSeconds(byAccount.n, config.loginMaxFailuresPerAccount, config.loginWindowMinutes, LOCK_CAP_HOURS);
  if (lock && byAccount.last) {
    const retry = Math.ceil((new Date(byAccount.last).getTime() + lock * 1000 - Date.now()) / 1000);
    if (retry > 0) throw tooManyRequests(retry);
  }
  const since = sql`now() - make_interval(mins => ${config.loginWindowMinutes})`;
  const [byAddress] = await database.db
    .select({ n: count(), first: min(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  if (byAddress.n >= config.loginMaxFailuresPerAddress && byAddress.first) {
    const retry = Math.max(
      1,
      Math.ceil((new Date(byAddress.first).getTime() + config.loginWindowMinutes * 60_000 - Date.now()) / 1000),
    );
    throw tooManyRequests(retry);
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
