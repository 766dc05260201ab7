import { unitScopeOf } from "../../../domain/scope.js";
import { idParams } from "../../../schemas/common.js";
import { importJobOut } from "../../../schemas/ledgers.js";
import { taskListQuery } from "../../../schemas/tasks.js";
import { todayIso } from "../../clock.js";
import { importLedger } from "../../commands/import-ledger.js";
import type { ActingContext } from "../../context.js";
import { badRequest, conflict, notFound } from "../../errors.js";
import { writeLedger } from "../../ledger/export-ledger.js";
import { ImportJobs } from "../../ledger/import-jobs.js";
import { authorize } from "../../policies/index.js";
import { presentImportJob } from "../../presenters/ledger.js";
import { taskFilterWhere } from "../../queries/tasks.js";
import { coalescing } from "../../streams/coalescing.js";
import type { RoutePlugin } from "../types.js";

const tags = ["ledgers"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Every .xlsx is a zip archive. */
const isZip = (b: Buffer) => b.length > 4 && b.readUInt32LE(0) === 0x04034b50;

export const ledgerRoutes: RoutePlugin = async (app, { database, config }) => {
  const { db } = database;
  const jobs = new ImportJobs();
  app.addContentTypeParser(
    ["application/octet-stream", XLSX],
    { parseAs: "buffer", bodyLimit: config.maxLedgerBytes },
    (_req, body, done) => done(null, body),
  );

  // The filtered task list as a work ledger, streamed as it is written.
  app.get("/api/tasks/ledger", { schema: { tags, querystring: taskListQuery } }, async (req, reply) => {
    authorize(req.ctx, "ledger", "export");
    const today = todayIso();
    const name = `${req.ctx.locale === "en" ? "work-ledger" : "工作台账"}-${today}.xlsx`;
    const out = coalescing();
    writeLedger(db, { where: taskFilterWhere(req.query, unitScopeOf(req.ctx.actor)), locale: req.ctx.locale, today }, out).catch(
      (e) => {
        req.log.error(e);
        out.destroy(e);
      },
    );
    return reply
      .header("content-type", XLSX)
      .header("content-disposition", `attachment; filename="ledger-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header("cache-control", "no-store")
      .send(out);
  });

  // Starts an import; the answer names the job whose progress the client polls.
  app.post("/api/ledger-imports", { schema: { tags, response: { 202: importJobOut } } }, async (req, reply) => {
    authorize(req.ctx, "ledger", "import");
    const ctx = req.ctx as ActingContext;
    const content = req.body;
    if (!Buffer.isBuffer(content) || !content.length) throw badRequest("file", "file_empty");
    if (!isZip(content)) throw badRequest("file", "ledger_not_xlsx");
    if (jobs.running(ctx.actor.id)) throw conflict("import_running");
    let fileName = "ledger.xlsx";
    try {
      fileName =
        decodeURIComponent(String(req.headers["x-file-name"] ?? ""))
          .split(/[\\/]/)
          .pop()
          ?.slice(0, 200) || fileName;
    } catch {}
    const job = jobs.start(
      ctx.actor.id,
      fileName,
      (progress) => importLedger(db, ctx, { content, fileName, today: todayIso() }, progress),
      (e) => req.log.error(e),
    );
    return reply.code(202).send(presentImportJob(job, ctx.locale));
  });

  app.get("/api/ledger-imports/:id", { schema: { tags, params: idParams, response: { 200: importJobOut } } }, async (req) => {
    authorize(req.ctx, "ledger", "import");
    const job = jobs.get(req.params.id, req.ctx.actor.id);
    if (!job) throw notFound();
    return presentImportJob(job, req.ctx.locale);
  });
};
