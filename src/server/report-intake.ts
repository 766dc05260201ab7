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
 *
 * On PostgreSQL a second round may be written while the first one is (`roundsAtOnce`): one round's
 * statements wait on the network and the server's commit while the next one's are at work. A task
 * is in one round at a time, and a round locks its tasks and their ancestors in one order
 * (submit-reports.ts), so two rounds cannot deadlock on the rows they share.
 */
export class ReportIntake {
  private waiting: Waiting[] = [];
  private writing = 0;
  /** The tasks of the rounds being written: a second report on one waits for its round. */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly db: Database["db"],
    private readonly opts: {
      largestRound?: number;
      roundsAtOnce?: number;
      onRound?: (size: number) => void;
      /** Told when a round fails as a whole (and its reports go one by one): nothing should cause that. */
      onRoundFailed?: (error: unknown) => void;
    } = {},
  ) {}

  /** Lands one report; resolves with it once it is committed, or rejects with why it was refused. */
  submit(ctx: ActingContext, taskId: string, input: ReportCreate): Promise<LandedReport> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ submission: { ctx, taskId, input }, resolve, reject });
      if (this.writing < (this.opts.roundsAtOnce ?? 1)) void this.writeRounds();
    });
  }

  private async writeRounds(): Promise<void> {
    this.writing++;
    try {
      for (;;) {
        const round = this.nextRound();
        if (!round.length) break;
        try {
          await this.land(round);
        } finally {
          for (const w of round) this.inFlight.delete(w.submission.taskId);
        }
      }
    } finally {
      this.writing--;
    }
    // A report held back for its task's round may be waiting with no writer left to take it.
    if (this.waiting.length && this.writing === 0) void this.writeRounds();
  }

  /** The reports that wait, oldest first, at most one per task and none on a task in flight. */
  private nextRound(): Waiting[] {
    const round: Waiting[] = [];
    const later: Waiting[] = [];
    for (const w of this.waiting) {
      if (round.length < (this.opts.largestRound ?? 100) && !this.inFlight.has(w.submission.taskId)) {
        this.inFlight.add(w.submission.taskId);
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
      if (round.length > 1) this.opts.onRoundFailed?.(error);
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
