import type { Database } from "../db/connection.js";
import type { ReportCreate } from "../schemas/tasks.js";
import { type LandedReport, type ReportSubmission, submitReports } from "./commands/submit-reports.js";
import type { ActingContext } from "./context.js";

interface Waiting {
  submission: ReportSubmission;
  resolve: (report: LandedReport) => void;
  reject: (error: unknown) => void;
}

/**
 * Where progress reports land. Reports that arrive while a round is being written wait for the
 * next round, which writes all of them in one transaction (submit-reports.ts): under load a
 * hundred reports cost a handful of statements and one commit instead of a dozen statements and a
 * commit each. A report is acknowledged only once its round has committed. A lone report lands at
 * once, in a round of its own.
 *
 * Each report is still all or nothing, and one refused answers only its sender. Should a round
 * fail as a whole on something no check foresaw, its reports land one by one, so the failure
 * reaches only the report that causes it.
 */
export class ReportIntake {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly db: Database["db"],
    private readonly opts: { largestRound?: number; onRound?: (size: number) => void } = {},
  ) {}

  /** Lands one report; resolves with it once it is committed, or rejects with why it was refused. */
  submit(ctx: ActingContext, taskId: string, input: ReportCreate): Promise<LandedReport> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ submission: { ctx, taskId, input }, resolve, reject });
      if (!this.writing) void this.writeRounds();
    });
  }

  private async writeRounds(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length) await this.land(this.nextRound());
    } finally {
      this.writing = false;
    }
  }

  /** The reports that wait, oldest first, at most one per task (a second one waits its turn). */
  private nextRound(): Waiting[] {
    const round: Waiting[] = [];
    const later: Waiting[] = [];
    const tasks = new Set<string>();
    for (const w of this.waiting) {
      if (round.length < (this.opts.largestRound ?? 100) && !tasks.has(w.submission.taskId)) {
        tasks.add(w.submission.taskId);
        round.push(w);
      } else later.push(w);
    }
    this.waiting = later;
    return round;
  }

  private async land(round: Waiting[]): Promise<void> {
    this.opts.onRound?.(round.length);
    let results: Awaited<ReturnType<typeof submitReports>>;
    try {
      results = await this.db.transaction((tx) =>
        submitReports(
          tx,
          round.map((w) => w.submission),
        ),
      );
    } catch (error) {
      if (round.length === 1) round[0].reject(error);
      else for (const w of round) await this.land([w]);
      return;
    }
    results.forEach((r, i) => {
      if (r.ok) round[i].resolve(r.report);
      else round[i].reject(r.error);
    });
  }
}
