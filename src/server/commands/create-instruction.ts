import { inArray } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type InstructionRow, instructions, instructionUnits, units } from "../../db/schema.js";
import type { InstructionSubject } from "../../domain/supervision.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { badRequest } from "../errors.js";
import { announce, type OutboxOptions } from "../notify/notify.js";

export interface CreateInstructionInput {
  subjectType: InstructionSubject;
  subjectId: string;
  subjectTitle: string;
  text: string;
  unitIds: string[];
  outbox: OutboxOptions;
}

/** A leader's instruction (批示) on a subject, sent to the units concerned to acknowledge. */
export async function createInstruction(
  ctx: ActingContext,
  input: CreateInstructionInput,
  tx: Queryable,
): Promise<InstructionRow> {
  const unitIds = [...new Set(input.unitIds)];
  if (!unitIds.length) throw badRequest("unitIds", "no_units_concerned");
  const known = await tx.select({ id: units.id }).from(units).where(inArray(units.id, unitIds));
  if (known.length !== unitIds.length) throw badRequest("unitIds", "not_found");
  const [row] = await tx
    .insert(instructions)
    .values({
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      subjectTitle: input.subjectTitle,
      text: input.text,
      authorId: ctx.actor.id,
      authorName: ctx.actor.displayName,
      authorUnitId: ctx.actor.unitId,
    })
    .returning();
  await tx.insert(instructionUnits).values(unitIds.map((unitId) => ({ instructionId: row.id, unitId })));
  await announce(tx, input.outbox, {
    unitIds,
    kind: "instruction.issued",
    entityType: "instruction",
    entityId: row.id,
    data: { author: ctx.actor.displayName, subjectType: input.subjectType, subjectTitle: input.subjectTitle, text: input.text },
  });
  await writeAudit(tx, ctx, {
    action: "instruction.create",
    entityType: "instruction",
    entityId: row.id,
    after: { ...row, unitIds },
  });
  return row;
}
