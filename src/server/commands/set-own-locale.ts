import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { users } from "../../db/schema.js";
import type { Locale } from "../../domain/people.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";

/** Remembers the language a person chose, for every device they sign in from. */
export async function setOwnLocale(ctx: ActingContext, input: { locale: Locale }, tx: Queryable): Promise<void> {
  const [before] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, ctx.actor.id));
  await tx
    .update(users)
    .set({ locale: input.locale, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
    .where(eq(users.id, ctx.actor.id));
  await writeAudit(tx, ctx, {
    action: "user.set_locale",
    entityType: "user",
    entityId: ctx.actor.id,
    before,
    after: { locale: input.locale },
  });
}
