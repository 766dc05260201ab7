import type { Locale } from "../../domain/people.js";
import type { ImportJobOut } from "../../schemas/ledgers.js";
import type { ImportJob } from "../ledger/import-jobs.js";
import { translate } from "../messages.js";

/** An import as its owner sees it: where it is, and at the end what it did or every bad row in their language. */
export function presentImportJob(job: ImportJob, locale: Locale): ImportJobOut {
  const r = job.result;
  return {
    id: job.id,
    fileName: job.fileName,
    phase: job.phase,
    done: job.done,
    total: job.total,
    result: !r
      ? null
      : r.ok
        ? { ok: true, created: r.created, updated: r.updated, unchanged: r.unchanged }
        : { ok: false, problems: r.problems.map((p) => ({ ...p, message: translate(p.reason, locale) })) },
  };
}
