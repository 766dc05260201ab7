import { eq, sql } from "drizzle-orm";
import { builtOnce } from "../../db/built-once.js";
import type { Queryable } from "../../db/connection.js";
import { regions, units } from "../../db/schema.js";
import { type Actor, unitInScope } from "../../domain/scope.js";

/**
 * The given units as a ledger names them: by name, which offices read; a name two units share is
 * written with the code in brackets so the ledger still says which one. Only the units asked
 * for are read (a province has thousands).
 */
export async function unitLabels(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await builtOnce(db, "unit_labels", (d) =>
    d
      .select({
        id: units.id,
        name: units.name,
        code: units.code,
        // Spelt out: Drizzle leaves a one-table select's columns unqualified, and "name" would be other's.
        shared: sql<boolean>`exists (select 1 from units other where other.name = units.name and other.id <> units.id)`,
      })
      .from(units)
      .where(sql`${units.id} = any(${sql.placeholder("ids")}::uuid[])`)
      .prepare("unit_labels"),
  ).execute({ ids: [...new Set(ids)] });
  return new Map(rows.map((u) => [u.id, u.shared && u.code ? `${u.name}（${u.code}）` : u.name]));
}

export type UnitLookup = (text: string) => { id: string } | { error: "unit_unknown" | "unit_ambiguous" };

/**
 * Finds an active unit from a ledger cell: its name, its short name (市发改委) or English name,
 * its code, or "name (code)" with either kind of bracket. A full name wins over a short one.
 * Given an actor, only the units within their jurisdiction: work is assigned there, and a name
 * shared with a unit elsewhere is not ambiguous for them.
 */
export async function unitLookup(db: Queryable, actor?: Actor): Promise<UnitLookup> {
  const all = (
    await db
      .select({
        id: units.id,
        name: units.name,
        shortName: units.shortName,
        nameEn: units.nameEn,
        code: units.code,
        regionPath: regions.path,
      })
      .from(units)
      .innerJoin(regions, eq(regions.id, units.regionId))
      .where(eq(units.active, true))
  ).filter((u) => !actor || unitInScope(actor, u));
  const byName = new Map<string, string[]>();
  const byAlias = new Map<string, string[]>();
  const byCode = new Map<string, string>();
  const add = (map: Map<string, string[]>, key: string | null, id: string) => {
    if (key) map.set(key, [...new Set([...(map.get(key) ?? []), id])]);
  };
  for (const u of all) {
    add(byName, u.name, u.id);
    add(byAlias, u.shortName, u.id);
    add(byAlias, u.nameEn?.toLowerCase() ?? null, u.id);
    if (u.code) byCode.set(u.code.toLowerCase(), u.id);
  }
  return (text) => {
    const bracketed = text.match(/^(.*?)\s*[（(]\s*([^()（）]+?)\s*[)）]$/);
    if (bracketed) {
      const id = byCode.get(bracketed[2].toLowerCase());
      if (id) return { id };
    }
    const named = byName.get(text.trim()) ?? byAlias.get(text.trim()) ?? byAlias.get(text.trim().toLowerCase());
    if (named?.length === 1) return { id: named[0] };
    if (named && named.length > 1) return { error: "unit_ambiguous" };
    const coded = byCode.get(text.trim().toLowerCase());
    return coded ? { id: coded } : { error: "unit_unknown" };
  };
}
