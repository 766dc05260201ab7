import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { instructionUnits } from "../../db/schema.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { conflict } from "../errors.js";

/** The actor's unit acknowledges an instruction (once). */
export async function acknowledgeInstruction(ctx: ActingContext, instructionId: string, tx: Queryable): Promise<void> {
  const [ack] = await tx
    .update(instructionUnits)
    .set({ acknowledgedAt: sql`now()`, acknowledgedByName: ctx.actor.displayName })
    .where(
      and(
        eq(instructionUnits.instructionId, instructionId),
        eq(instructionUnits.unitId, ctx.actor.unitId),
        isNull(instructionUnits.acknowledgedAt),
      ),
    )
    .returning();
  if (!ack) throw conflict("instruction_acknowledged");
  await writeAudit(tx, ctx, {
    action: "instruction.acknowledge",
    entityType: "instruction",
    entityId: instructionId,
    after: ack,
  });
}
