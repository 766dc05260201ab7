import { eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { projectNodes, projects, projectYearPlans, regions, units } from "../../db/schema.js";
import { parseLedgerDate } from "../../domain/ledger.js";
import {
  findColumns,
  LIBRARY_COLUMNS,
  type LibraryColumn,
  MONTH_COLUMNS,
  type MonthColumn,
  parseAmount,
  parseKind,
  parsePeriod,
} from "../../domain/project-sheets.js";
import { DEFAULT_NODE_TEMPLATES } from "../../domain/projects.js";
import type { Actor } from "../../domain/scope.js";
import type { ProjectCreate, ProjectReportIn, ProjectUpdate } from "../../schemas/projects.js";
import { todayIso } from "../clock.js";
import { unitLookup } from "../ledger/unit-names.js";
import { can } from "../policies/index.js";
import { type Sheet, type SheetProblem, text } from "../sheets/workbook.js";

export interface SheetPlan {
  create: ProjectCreate[];
  update: { id: string; patch: ProjectUpdate }[];
  reports: { code: string; report: ProjectReportIn }[];
  problems: SheetProblem[];
}

/**
 * Checks every row of the library and monthly sheets against the database and the actor's
 * rights, and says what would be written. Nothing is written here: one bad row and the caller
 * writes nothing, listing every problem.
 */
export async function planProjectSheets(db: Queryable, actor: Actor, sheets: Sheet[]): Promise<SheetPlan> {
  const plan: SheetPlan = { create: [], update: [], reports: [], problems: [] };
  const year = Number(todayIso().slice(0, 4));
  const thisMonth = todayIso().slice(0, 7);
  const findUnit = await unitLookup(db);
  const allRegions = await db.select({ id: regions.id, code: regions.code, name: regions.name }).from(regions);
  const regionOf = (t: string) => allRegions.filter((r) => r.code === t || r.name === t);
  const unitScope = new Map(
    (await db.select({ id: units.id, path: regions.path }).from(units).innerJoin(regions, eq(regions.id, units.regionId))).map(
      (u) => [u.id, u.path],
    ),
  );
  const mayLead = (unitId: string) =>
    can(actor, "project", "update", { lead: { id: unitId, regionPath: unitScope.get(unitId) ?? "" } });
  let found = false;
  const libraryCodes = new Set<string>();

  for (const sheet of sheets) {
    const headerAt = sheet.rows
      .slice(0, 10)
      .findIndex((r) => findColumns(r.cells, LIBRARY_COLUMNS, ["code", "name", "totalInvestment"]));
    const monthAt = sheet.rows.slice(0, 10).findIndex((r) => findColumns(r.cells, MONTH_COLUMNS, ["code", "period", "amount"]));
    if (headerAt >= 0 && monthAt < 0) {
      found = true;
      const cols = findColumns(sheet.rows[headerAt].cells, LIBRARY_COLUMNS, ["code", "name", "totalInvestment"])!;
      const dataRows = sheet.rows.slice(headerAt + 1);
      const codes = dataRows.map((r) => text(r.cells[cols.get("code")!])).filter(Boolean);
      const existing = new Map(
        (codes.length
          ? await db
              .select({ p: projects, path: regions.path })
              .from(projects)
              .innerJoin(units, eq(units.id, projects.leadUnitId))
              .innerJoin(regions, eq(regions.id, units.regionId))
              .where(inArray(projects.code, codes))
          : []
        ).map((r) => [r.p.code, r]),
      );
      for (const r of dataRows) {
        const get = (k: LibraryColumn) => (cols.has(k) ? r.cells[cols.get(k)!] : undefined);
        const bad = (k: LibraryColumn, reason: string) =>
          plan.problems.push({
            sheet: sheet.name,
            row: r.row,
            column: LIBRARY_COLUMNS.find((c) => c.key === k)!["zh-CN"],
            value: text(get(k)),
            reason,
          });
        const code = text(get("code"));
        if (!code && !text(get("name"))) continue;
        if (!code) {
          bad("code", "required");
          continue;
        }
        if (libraryCodes.has(code)) {
          bad("code", "code_repeated");
          continue;
        }
        libraryCodes.add(code);
        const before = plan.problems.length;
        const name = text(get("name"));
        if (!name) bad("name", "required");
        const total = parseAmount(get("totalInvestment"));
        if (total === null || total < 0) bad("totalInvestment", "number_invalid");
        const yearPlanText = text(get("yearPlan"));
        const yearPlan = yearPlanText ? parseAmount(get("yearPlan")) : null;
        if (yearPlanText && (yearPlan === null || yearPlan < 0)) bad("yearPlan", "number_invalid");
        const kinds = {
          category: parseKind("category", text(get("category"))),
          level: parseKind("level", text(get("level"))),
          stage: text(get("stage")) ? parseKind("stage", text(get("stage"))) : undefined,
          fundType: text(get("fundType")) ? parseKind("fundType", text(get("fundType"))) : null,
        };
        const was = existing.get(code);
        if (!kinds.category && (!was || text(get("category")))) bad("category", "kind_unknown");
        if (!kinds.level && (!was || text(get("level")))) bad("level", "kind_unknown");
        if (text(get("stage")) && !kinds.stage) bad("stage", "kind_unknown");
        if (kinds.fundType === undefined) bad("fundType", "kind_unknown");
        const regionCell = text(get("region"));
        const regionMatches = regionCell ? regionOf(regionCell) : [];
        if (!was && !regionCell) bad("region", "required");
        else if (regionCell && regionMatches.length !== 1)
          bad("region", regionMatches.length ? "region_ambiguous" : "region_unknown");
        const leadCell = text(get("leadUnit"));
        const lead = leadCell ? findUnit(leadCell) : null;
        if (!was && !leadCell) bad("leadUnit", "required");
        else if (lead && "error" in lead) bad("leadUnit", lead.error);
        const start = text(get("startPlanned")) ? parseLedgerDate(get("startPlanned")) : null;
        if (text(get("startPlanned")) && !start) bad("startPlanned", "date_invalid");
        const completion = text(get("completionPlanned")) ? parseLedgerDate(get("completionPlanned")) : null;
        if (text(get("completionPlanned")) && !completion) bad("completionPlanned", "date_invalid");
        const leadId = lead && "id" in lead ? lead.id : (was?.p.leadUnitId ?? null);
        if (plan.problems.length > before) continue;
        if (was && !can(actor, "project", "update", { lead: { id: was.p.leadUnitId, regionPath: was.path } })) {
          bad("code", "forbidden");
          continue;
        }
        if (leadId && (!was || leadId !== was.p.leadUnitId) && !mayLead(leadId)) {
          bad("leadUnit", "forbidden");
          continue;
        }
        const nodes = [
          ...(start ? [{ kind: "start" as const, plannedOn: start }] : []),
          ...(completion ? [{ kind: "completion" as const, plannedOn: completion }] : []),
        ];
        const optional = (k: "owner" | "leader" | "industry" | "address") => (cols.has(k) ? text(get(k)) || null : undefined);
        if (!was) {
          const category = kinds.category!;
          plan.create.push({
            code,
            name,
            regionId: regionMatches[0].id,
            leadUnitId: leadId!,
            ownerName: optional("owner") ?? null,
            responsibleLeader: optional("leader") ?? null,
            industry: optional("industry") ?? null,
            category,
            fundType: kinds.fundType ?? null,
            level: kinds.level!,
            stage: kinds.stage ?? "reserve",
            totalInvestment: total!,
            address: optional("address") ?? null,
            description: null,
            nodes: DEFAULT_NODE_TEMPLATES[category].map((kind) => ({
              kind,
              plannedOn: nodes.find((n) => n.kind === kind)?.plannedOn ?? null,
            })),
            yearPlans: yearPlan !== null ? [{ year, amount: yearPlan }] : [],
          });
        } else {
          const p = was.p;
          const patch: ProjectUpdate = { version: p.version };
          if (name !== p.name) patch.name = name;
          if (regionMatches[0] && regionMatches[0].id !== p.regionId) patch.regionId = regionMatches[0].id;
          if (leadId && leadId !== p.leadUnitId) patch.leadUnitId = leadId;
          if (total !== p.totalInvestment) patch.totalInvestment = total!;
          if (kinds.category && kinds.category !== p.category) patch.category = kinds.category;
          if (kinds.level && kinds.level !== p.level) patch.level = kinds.level;
          if (kinds.stage && kinds.stage !== p.stage) patch.stage = kinds.stage;
          if (cols.has("fundType") && (kinds.fundType ?? null) !== p.fundType) patch.fundType = kinds.fundType ?? null;
          for (const [k, field] of [
            ["owner", "ownerName"],
            ["leader", "responsibleLeader"],
            ["industry", "industry"],
            ["address", "address"],
          ] as const) {
            const v = optional(k);
            if (v !== undefined && v !== p[field]) patch[field] = v;
          }
          if (nodes.length) {
            const current = await db.select().from(projectNodes).where(eq(projectNodes.projectId, p.id));
            const changed = nodes.some((n) => current.find((c) => c.kind === n.kind)?.plannedOn !== n.plannedOn);
            if (changed)
              patch.nodes = [
                ...current
                  .filter((c) => !nodes.some((n) => n.kind === c.kind))
                  .map((c) => ({ kind: c.kind, plannedOn: c.plannedOn, reachedOn: c.reachedOn })),
                ...nodes.map((n) => ({ ...n, reachedOn: current.find((c) => c.kind === n.kind)?.reachedOn ?? null })),
              ];
          }
          if (yearPlan !== null) {
            const plans = await db.select().from(projectYearPlans).where(eq(projectYearPlans.projectId, p.id));
            if (plans.find((y) => y.year === year)?.amount !== yearPlan)
              patch.yearPlans = [
                ...plans.filter((y) => y.year !== year && y.amount !== null).map((y) => ({ year: y.year, amount: y.amount! })),
                { year, amount: yearPlan },
              ];
          }
          if (Object.keys(patch).length > 1) plan.update.push({ id: p.id, patch });
        }
      }
    } else if (monthAt >= 0) {
      found = true;
      const cols = findColumns(sheet.rows[monthAt].cells, MONTH_COLUMNS, ["code", "period", "amount"])!;
      const dataRows = sheet.rows.slice(monthAt + 1);
      const codes = [...new Set(dataRows.map((r) => text(r.cells[cols.get("code")!])).filter(Boolean))];
      const known = new Map(
        (codes.length
          ? await db
              .select({ code: projects.code, leadUnitId: projects.leadUnitId, path: regions.path })
              .from(projects)
              .innerJoin(units, eq(units.id, projects.leadUnitId))
              .innerJoin(regions, eq(regions.id, units.regionId))
              .where(inArray(projects.code, codes))
          : []
        ).map((r) => [r.code, r]),
      );
      const seen = new Set<string>();
      for (const r of dataRows) {
        const get = (k: MonthColumn) => (cols.has(k) ? r.cells[cols.get(k)!] : undefined);
        const bad = (k: MonthColumn, reason: string) =>
          plan.problems.push({
            sheet: sheet.name,
            row: r.row,
            column: MONTH_COLUMNS.find((c) => c.key === k)!["zh-CN"],
            value: text(get(k)),
            reason,
          });
        const code = text(get("code"));
        if (!code && !text(get("amount"))) continue;
        const before = plan.problems.length;
        const p = known.get(code);
        if (!code) bad("code", "required");
        else if (!p && !plan.create.some((c) => c.code === code)) bad("code", "project_unknown");
        else if (p && !can(actor, "project", "report", { lead: { id: p.leadUnitId, regionPath: p.path } }))
          bad("code", "forbidden");
        const period = parsePeriod(get("period"));
        if (!period) bad("period", "period_invalid");
        else if (period > thisMonth) bad("period", "period_future");
        const amount = parseAmount(get("amount"));
        if (amount === null || amount < 0) bad("amount", "number_invalid");
        if (code && period) {
          if (seen.has(`${code}|${period}`)) bad("period", "period_repeated");
          seen.add(`${code}|${period}`);
        }
        if (plan.problems.length > before) continue;
        plan.reports.push({
          code,
          report: {
            period: period!,
            amount: amount!,
            narrative: text(get("narrative")) || "—",
            nodesReached: [],
            attachmentIds: [],
          },
        });
      }
    }
  }
  if (!found) plan.problems.push({ sheet: "", row: 0, column: "", value: "", reason: "sheet_no_header" });
  return plan;
}
