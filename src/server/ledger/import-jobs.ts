import { randomUUID } from "node:crypto";
import type { LedgerPhase, LedgerResult } from "../commands/import-ledger.js";

export interface ImportJob {
  id: string;
  userId: string;
  fileName: string;
  phase: LedgerPhase | "done" | "failed";
  done: number;
  total: number;
  result: LedgerResult | null;
  startedAt: number;
  finishedAt: number | null;
}

/** How long a finished import's outcome stays to be read. */
const KEEP_MS = 3600_000;

/**
 * Imports running in this server process, so the browser can show a progress bar while a large
 * ledger is checked and written. An import is one transaction: a restart mid-way loses the job
 * and writes nothing.
 */
export class ImportJobs {
  private jobs = new Map<string, ImportJob>();

  running(userId: string): boolean {
    return [...this.jobs.values()].some((j) => j.userId === userId && j.finishedAt === null);
  }

  start(
    userId: string,
    fileName: string,
    run: (progress: (phase: LedgerPhase, done: number, total: number) => void) => Promise<LedgerResult>,
    onFailure: (e: unknown) => void,
  ): ImportJob {
    this.prune();
    const job: ImportJob = {
      id: randomUUID(),
      userId,
      fileName,
      phase: "reading",
      done: 0,
      total: 0,
      result: null,
      startedAt: Date.now(),
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    run((phase, done, total) => Object.assign(job, { phase, done, total }))
      .then((result) => Object.assign(job, { phase: "done", result, finishedAt: Date.now() }))
      .catch((e) => {
        Object.assign(job, { phase: "failed", finishedAt: Date.now() });
        onFailure(e);
      });
    return job;
  }

  /** A job of this user's; others' jobs are not theirs to see. */
  get(id: string, userId: string): ImportJob | null {
    const job = this.jobs.get(id);
    return job && job.userId === userId ? job : null;
  }

  private prune() {
    const now = Date.now();
    for (const [id, j] of this.jobs) if (j.finishedAt !== null && now - j.finishedAt > KEEP_MS) this.jobs.delete(id);
  }
}
