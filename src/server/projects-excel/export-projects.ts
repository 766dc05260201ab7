import { and, inArray, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Queryable } from "../../db/connection.js";
import { projectNodes, projectReports, projectYearPlans, units } from "../../db/schema.js";
import { escapeCell } from "../../domain/ledger.js";
import type { Locale } from "../../domain/people.js";
import { kindLabel, LIBRARY_COLUMNS, MONTH_COLUMNS } from "../../domain/project-sheets.js";
import type { LoadedProject } from "../queries/projects.js";

/** The library (and the year's monthly figures) of some projects, in the sheets' layout and the reader's language. */
export async function writeProjectWorkbook(db: Queryable, list: LoadedProject[], year: number, locale: Locale): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const library = book.addWorksheet(locale === "en" ? "Project library" : "项目库");
  library.columns = LIBRARY_COLUMNS.map((c) => ({ header: c[locale], key: c.key, width: c.width }));
  library.getRow(1).font = { bold: true };
  const ids = list.map((p) => p.id);
  const [nodes, plans, unitRows] = ids.length
    ? await Promise.all([
        db.select().from(projectNodes).where(inArray(projectNodes.projectId, ids)),
        db.select().from(projectYearPlans).where(inArray(projectYearPlans.projectId, ids)),
        db.select({ id: units.id, name: units.name }).from(units),
      ])
    : [[], [], []];
  const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
  for (const p of list) {
    const node = (kind: string) => nodes.find((n) => n.projectId === p.id && n.kind === kind)?.plannedOn ?? "";
    library.addRow({
      code: escapeCell(p.code),
      name: escapeCell(p.name),
      region: p.regionName,
      leadUnit: unitName.get(p.leadUnitId) ?? p.leadName,
      owner: escapeCell(p.ownerName ?? ""),
      leader: escapeCell(p.responsibleLeader ?? ""),
      industry: escapeCell(p.industry ?? ""),
      category: kindLabel("category", p.category, locale),
      fundType: kindLabel("fundType", p.fundType, locale),
      level: kindLabel("level", p.level, locale),
      stage: kindLabel("stage", p.stage, locale),
      totalInvestment: p.totalInvestment,
      yearPlan: plans.find((y) => y.projectId === p.id && y.year === year)?.amount ?? "",
      startPlanned: node("start"),
      completionPlanned: node("completion"),
      address: escapeCell(p.address ?? ""),
    });
  }
  const months = book.addWorksheet(locale === "en" ? `Monthly investment ${year}` : `${year}年月度投资`);
  months.columns = MONTH_COLUMNS.map((c) => ({ header: c[locale], key: c.key, width: c.width }));
  months.getRow(1).font = { bold: true };
  if (ids.length) {
    const reports = await db
      .select()
      .from(projectReports)
      .where(and(inArray(projectReports.projectId, ids), like(projectReports.period, `${year}-%`)))
      .orderBy(projectReports.period);
    const byId = new Map(list.map((p) => [p.id, p]));
    for (const r of reports) {
      const p = byId.get(r.projectId)!;
      months.addRow({
        code: escapeCell(p.code),
        name: escapeCell(p.name),
        period: r.period,
        amount: r.amount,
        narrative: escapeCell(r.narrative),
      });
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
