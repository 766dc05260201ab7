import { configFromEnv } from "../server/config.js";
import { deliverDue } from "../server/jobs/deliver.js";
import { supervisionPass } from "../server/jobs/runner.js";
import { outboxOptions } from "../server/notify/notify.js";
import { realSender } from "../server/notify/senders.js";
import { openForCommand } from "./open.js";

const isCalendarDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s;

/** `luoshi supervise`: one supervision pass now (reminders, the ladder, scheduled bulletins), then the deliveries due. */
export async function superviseCommand(opts: { data?: string; date?: string; deliver?: boolean }): Promise<void> {
  if (opts.date && !isCalendarDate(opts.date)) throw new Error(`--date must be a date written YYYY-MM-DD, not "${opts.date}"`);
  const config = configFromEnv(process.env, opts.data ? { dataDir: opts.data } : {});
  const database = await openForCommand(opts);
  try {
    const result = await supervisionPass(database, outboxOptions(config), opts.date);
    if (!result) process.stdout.write("Another server is running the supervision pass; nothing done.\n");
    else
      process.stdout.write(
        `Supervision pass: ${result.reminders} reminders, ${result.ladder} urge and supervision notices, ${result.escalated} escalated, ${result.bulletins} scheduled bulletins, ${result.lights} lights changed, ${result.warnings} project warnings raised, changed or cleared.\n`,
      );
    if (opts.deliver) {
      const send = realSender(config);
      const d = await deliverDue(database.db, send);
      send.close();
      process.stdout.write(`Deliveries: ${d.sent} sent, ${d.retrying} to retry, ${d.failed} failed.\n`);
    }
  } finally {
    await database.close();
  }
}
