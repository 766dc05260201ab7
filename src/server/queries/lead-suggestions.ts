import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/connection.js";
import { directives, meetings, regions, taskDirectives, tasks, units } from "../../db/schema.js";
import { rankLeadUnits } from "../../domain/lead-suggestions.js";
import type { UnitScope } from "../../domain/scope.js";
import { textSimilarity } from "../../domain/similar-text.js";
import { unitScopeWhere } from "./scope-sql.js";

const leadUnit = alias(units, "lead_unit");

/**
 * Lead units to suggest for a directive: where directives sharing a MinHash band with it went
 * (found through the GIN index, kept when similar enough, only meetings the reader may see), and
 * which active units' keywords occur in it. Names resolved for the screen.
 */
export async function leadSuggestions(
  db: Queryable,
  directive: { id: string; text: string; similarityBands: string[] },
  scope: UnitScope,
) {
  const past = directive.similarityBands.length
    ? await db
        .selectDistinct({
          unitId: tasks.leadUnitId,
          directiveId: directives.id,
          text: directives.text,
          meetingTitle: meetings.title,
        })
        .from(directives)
        .innerJoin(taskDirectives, eq(taskDirectives.directiveId, directives.id))
        .innerJoin(tasks, eq(tasks.id, taskDirectives.taskId))
        .innerJoin(leadUnit, and(eq(leadUnit.id, tasks.leadUnitId), eq(leadUnit.active, true)))
        .innerJoin(meetings, eq(meetings.id, directives.meetingId))
        .innerJoin(units, eq(units.id, meetings.unitId))
        .innerJoin(regions, eq(regions.id, units.regionId))
        .where(
          and(
            sql`${directives.similarityBands} && array[${sql.join(
              directive.similarityBands.map((b) => sql`${b}`),
              sql`, `,
            )}]::text[]`,
            ne(directives.id, directive.id),
            unitScopeWhere(scope),
          ),
        )
        .limit(500)
    : [];
  const withKeywords = await db
    .select({ id: units.id, keywords: units.keywords })
    .from(units)
    .where(and(eq(units.active, true), sql`cardinality(${units.keywords}) > 0`));
  const ranked = rankLeadUnits(
    directive.text,
    past.map((p) => ({ ...p, similarity: Math.round(textSimilarity(directive.text, p.text) * 100) / 100 })),
    withKeywords,
  );
  const names = ranked.length
    ? new Map(
        (
          await db
            .select({ id: units.id, name: units.name, nameEn: units.nameEn })
            .from(units)
            .where(
              inArray(
                units.id,
                ranked.map((r) => r.unitId),
              ),
            )
        ).map((u) => [u.id, u]),
      )
    : new Map();
  return ranked.map((r) => ({ ...r, unit: names.get(r.unitId)! }));
}
