import type { Locale } from "../../../domain/people.js";
import { importOut, importQuery } from "../../../schemas/indicators.js";
import { recordIndicatorValues } from "../../commands/record-indicator-values.js";
import type { ActingContext } from "../../context.js";
import { badRequest, forbidden } from "../../errors.js";
import { planIndicatorSheets } from "../../indicators-excel/plan-indicator-sheets.js";
import { translate } from "../../messages.js";
import { authorize } from "../../policies/index.js";
import { readWorkbook } from "../../sheets/workbook.js";
import type { RoutePlugin } from "../types.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const isZip = (b: Buffer) => b.length > 4 && b.readUInt32LE(0) === 0x04034b50;

/**
 * A statistics workbook: previewed first (commit=false: what would be new, revised, unchanged),
 * then imported whole or not at all; any bad cell is listed and nothing is written.
 */
export const indicatorImportRoutes: RoutePlugin = async (app, { database, config }) => {
  const { db } = database;
  app.addContentTypeParser(
    ["application/octet-stream", XLSX],
    { parseAs: "buffer", bodyLimit: config.maxLedgerBytes },
    (_req, body, done) => done(null, body),
  );

  app.post(
    "/api/indicator-imports",
    { schema: { tags: ["indicators"], querystring: importQuery, response: { 200: importOut } } },
    async (req) => {
      authorize(req.ctx, "indicator", "import");
      const ctx = req.ctx as ActingContext;
      const content = req.body as unknown;
      if (!Buffer.isBuffer(content) || !isZip(content)) throw badRequest("file", "ledger_not_xlsx");
      let sheets: Awaited<ReturnType<typeof readWorkbook>>;
      try {
        sheets = await readWorkbook(content);
      } catch {
        throw badRequest("file", "ledger_unreadable");
      }
      const name = String(req.headers["x-file-name"] ?? "").slice(0, 200) || "workbook.xlsx";
      const opts = { regionId: req.query.regionId ?? ctx.actor.regionId, period: req.query.period ?? null };
      return db.transaction(async (tx) => {
        const plan = await planIndicatorSheets(tx, ctx.actor, sheets, opts);
        // Figures another bureau publishes are not the reader's to import: refused as such, each listed.
        const notYours = plan.problems.filter((p) => p.reason === "indicator_not_yours");
        if (notYours.length) {
          const error = forbidden();
          error.extra = {
            problems: notYours.slice(0, 1000).map((p) => ({ ...p, reason: translate(p.reason, ctx.locale as Locale) })),
          };
          throw error;
        }
        if (plan.problems.length) {
          const error = badRequest("file", "sheet_rows", { count: plan.problems.length });
          error.extra = {
            problems: plan.problems.slice(0, 1000).map((p) => ({ ...p, reason: translate(p.reason, ctx.locale as Locale) })),
          };
          throw error;
        }
        const commit = req.query.commit === "true";
        if (commit)
          await recordIndicatorValues(
            ctx,
            plan.indicators,
            plan.changes.map((c) => c.cell),
            { kind: "import", name: decodeURIComponent(name) },
            tx,
          );
        return {
          committed: commit,
          sheets: plan.sheets,
          total: plan.cells.length,
          fresh: plan.fresh,
          revised: plan.revised,
          unchanged: plan.unchanged,
          changes: plan.changes.slice(0, 200).map(({ cell, from }) => {
            const i = plan.indicators.get(cell.indicatorId)!;
            return {
              indicator: { id: i.id, code: i.code, nameZh: i.nameZh, nameEn: i.nameEn },
              region: { id: cell.regionId, name: plan.regionNames.get(cell.regionId) ?? "" },
              period: cell.period,
              from,
              to: cell.value,
              reportedGrowth: cell.reportedGrowth,
            };
          }),
        };
      });
    },
  );
};
