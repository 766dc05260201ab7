import type { Queryable } from "../../db/connection.js";
import { writeAudit } from "../audit.js";
import { deleteSession, deleteUserSessions } from "../auth/sessions.js";
import type { ActingContext } from "../context.js";

/** Ends this session, or with `everywhere` every session of the user. */
export async function signOut(ctx: ActingContext, input: { everywhere: boolean }, tx: Queryable): Promise<void> {
  if (input.everywhere) await deleteUserSessions(tx, ctx.actor.id);
  else if (ctx.sessionId) await deleteSession(tx, ctx.sessionId);
  await writeAudit(tx, ctx, {
    action: input.everywhere ? "auth.logout_everywhere" : "auth.logout",
    entityType: "session",
    entityId: ctx.actor.id,
  });
}
