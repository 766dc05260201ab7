import { and, desc, eq, gte, ilike, inArray, lte, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/connection.js";
import { directives, meetings, regions, units } from "../../db/schema.js";
import type { UnitScope } from "../../domain/scope.js";
import { REPEAT_SIMILARITY, textSimilarity } from "../../domain/similar-text.js";
import type { DirectiveListQuery } from "../../schemas/meetings.js";
import { afterCursor, likePattern, pageFrom } from "./paging.js";
import { unitScopeWhere } from "./scope-sql.js";

const implementedBy = sql`select 1 from task_directives td where td.directive_id = ${directives.id}`;
const taskCount = sql<number>`(select count(*) from task_directives td where td.directive_id = ${directives.id})`.mapWith(Number);

/** Directives across meetings, newest meeting first: "what became of what we decided". */
export async function listDirectives(db: Queryable, q: DirectiveListQuery, scope: UnitScope) {
  const where = and(
    unitScopeWhere(scope),
    q.topic ? eq(directives.topic, q.topic) : undefined,
    q.meetingId ? eq(directives.meetingId, q.meetingId) : undefined,
    q.from ? gte(meetings.heldOn, q.from) : undefined,
    q.to ? lte(meetings.heldOn, q.to) : undefined,
    q.q ? ilike(directives.text, likePattern(q.q)) : undefined,
    q.implemented === "true" ? sql`exists (${implementedBy})` : undefined,
    q.implemented === "false" ? sql`not exists (${implementedBy})` : undefined,
  );
  const key = sql<string>`coalesce(${meetings.heldOn}, '0001-01-01') || '|' || lpad(${directives.ordinal}::text, 6, '0')`;
  const rows = await db
    .select({ directive: directives, meetingTitle: meetings.title, heldOn: meetings.heldOn, key, taskCount })
    .from(directives)
    .innerJoin(meetings, eq(meetings.id, directives.meetingId))
    .innerJoin(units, eq(units.id, meetings.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(where, afterCursor(key as any, directives.id, "desc", q.cursor)))
    .orderBy(desc(key), desc(directives.id))
    .limit(q.limit + 1);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(directives)
    .innerJoin(meetings, eq(meetings.id, directives.meetingId))
    .innerJoin(units, eq(units.id, meetings.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(where);
  const page = pageFrom(rows, q.limit, (r) => [r.key, r.directive.id]);
  const repeats = await repeatsOf(
    db,
    page.items.map((r) => r.directive),
    scope,
  );
  return {
    items: page.items.map((r) => ({
      ...r.directive,
      meetingTitle: r.meetingTitle,
      heldOn: r.heldOn,
      repeats: repeats.get(r.directive.id) ?? [],
      taskCount: r.taskCount,
    })),
    nextCursor: page.nextCursor,
    total,
  };
}

export type DirectiveRepeat = {
  id: string;
  meetingId: string;
  meetingTitle: string;
  heldOn: string | null;
  text: string;
  similarity: number;
};

/**
 * For each directive, the same deployment at other meetings the reader may see: candidates that
 * share a MinHash band (through the GIN index), kept when their texts are similar enough.
 */
export async function repeatsOf(
  db: Queryable,
  list: { id: string; text: string }[],
  scope: UnitScope,
): Promise<Map<string, DirectiveRepeat[]>> {
  const out = new Map<string, DirectiveRepeat[]>();
  if (!list.length) return out;
  const own = alias(directives, "own");
  const rows = await db
    .select({
      of: own.id,
      id: directives.id,
      meetingId: directives.meetingId,
      text: directives.text,
      meetingTitle: meetings.title,
      heldOn: meetings.heldOn,
    })
    .from(own)
    .innerJoin(
      directives,
      and(sql`${directives.similarityBands} && ${own.similarityBands}`, ne(directives.meetingId, own.meetingId)),
    )
    .innerJoin(meetings, eq(meetings.id, directives.meetingId))
    .innerJoin(units, eq(units.id, meetings.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(
      and(
        inArray(
          own.id,
          list.map((d) => d.id),
        ),
        unitScopeWhere(scope),
      ),
    );
  const texts = new Map(list.map((d) => [d.id, d.text]));
  for (const r of rows) {
    const similarity = textSimilarity(texts.get(r.of) ?? "", r.text);
    if (similarity < REPEAT_SIMILARITY) continue;
    const found = out.get(r.of) ?? [];
    found.push({ ...r, similarity: Math.round(similarity * 100) / 100 });
    out.set(r.of, found);
  }
  for (const found of out.values()) found.sort((a, b) => (a.heldOn ?? "").localeCompare(b.heldOn ?? ""));
  return out;
}
