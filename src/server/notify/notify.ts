import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { channels, deliveries, notifications, users } from "../../db/schema.js";
import type { Locale } from "../../domain/people.js";
import type { Config } from "../config.js";
import { type NotificationData, type NotificationKind, renderNotification } from "./messages.js";

/** What the fan-out needs to know of the server: whether e-mail can go out, and where links point. */
export interface OutboxOptions {
  mail: boolean;
  publicUrl: string;
}

export const outboxOptions = (config: Config): OutboxOptions => ({
  mail: Boolean(config.smtpUrl),
  publicUrl: (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, ""),
});

export interface Announcement<K extends NotificationKind> {
  unitIds: readonly string[];
  kind: K;
  entityType: string;
  entityId: string;
  data: NotificationData[K];
}

/** The message as it leaves: subject, text and a full link, in one language. */
export interface OutgoingMessage {
  subject: string;
  text: string;
  url: string;
}

/**
 * Tells the people of some units: a line in each active member's inbox, an e-mail to those who
 * want one, and a message to each unit's group robots, all queued in the caller's transaction
 * (the outbox), so a notice and its notifications stand or fall together. Each person and each
 * address is told once per entity and kind. Returns how many people were told, per unit.
 */
export async function announce<K extends NotificationKind>(
  tx: Queryable,
  opts: OutboxOptions,
  a: Announcement<K>,
): Promise<Map<string, number>> {
  const told = new Map<string, number>(a.unitIds.map((id) => [id, 0]));
  if (!a.unitIds.length) return told;
  const people = await tx
    .select({ id: users.id, unitId: users.unitId, locale: users.locale, email: users.email, byEmail: users.notifyByEmail })
    .from(users)
    .where(and(inArray(users.unitId, [...a.unitIds]), eq(users.active, true), sql`cardinality(${users.roles}) > 0`));
  const message = (locale: Locale): OutgoingMessage => {
    const m = renderNotification(a.kind, a.data, a.entityId, locale);
    return { subject: m.subject, text: m.text, url: `${opts.publicUrl}${m.path}` };
  };
  // In slices: a province-wide bulletin tells tens of thousands, past one statement's parameters.
  for (let i = 0; i < people.length; i += 2000)
    await tx
      .insert(notifications)
      .values(
        people
          .slice(i, i + 2000)
          .map((p) => ({ userId: p.id, kind: a.kind, entityType: a.entityType, entityId: a.entityId, data: a.data })),
      )
      .onConflictDoNothing();
  for (const p of people) told.set(p.unitId, (told.get(p.unitId) ?? 0) + 1);

  const base = { entityType: a.entityType, entityId: a.entityId, topic: a.kind };
  const outgoing: (typeof deliveries.$inferInsert)[] = [];
  if (opts.mail)
    for (const p of people)
      if (p.email && p.byEmail)
        outgoing.push({
          ...base,
          kind: "email",
          target: p.email,
          message: message(p.locale as Locale),
          userId: p.id,
          unitId: p.unitId,
        });
  const robots = await tx
    .select()
    .from(channels)
    .where(and(inArray(channels.unitId, [...a.unitIds]), eq(channels.enabled, true)));
  for (const c of robots) {
    if (c.kind === "email" && !opts.mail) continue;
    // Group robots post to a Chinese-speaking group; the office's language is the default one.
    outgoing.push({ ...base, kind: c.kind, target: c.target, secret: c.secret, message: message("zh-CN"), unitId: c.unitId });
  }
  for (let i = 0; i < outgoing.length; i += 500)
    await tx
      .insert(deliveries)
      .values(outgoing.slice(i, i + 500))
      .onConflictDoNothing();
  return told;
}
