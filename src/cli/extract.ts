import { detectLang, readReport } from "../reader/index.js";
import { ReportFileError, reportText } from "../server/report-files.js";
import { describeError } from "./describe-error.js";

/** `luoshi extract FILE… [--json]`: the reader, no database. */
export async function extractCommand(files: string[], opts: { json?: boolean }) {
  const results: unknown[] = [];
  let failures = 0;
  for (const file of files) {
    try {
      const text = await reportText(file);
      if (!detectLang(text)) throw new ReportFileError("report_language");
      const r = readReport(text);
      results.push({
        file,
        lang: r.lang,
        title: r.title,
        date: r.date,
        meetingType: r.meetingType,
        organizer: r.organizer,
        presiders: r.presiders,
        speakers: r.speakers,
        attendees: r.attendees,
        studied: r.studied,
        directives: r.directives.map((d) => ({ text: d.text })),
        campaigns: r.campaigns,
        regions: r.regions,
      });
    } catch (e) {
      failures++;
      process.stderr.write(`luoshi extract: ${file}: ${describeError(e)}\n`);
    }
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else {
    for (const r of results as {
      file: string;
      title: string;
      date: string | null;
      meetingType: string;
      presiders: string[];
      directives: { text: string }[];
    }[]) {
      process.stdout.write(
        `\n${r.file}\n  ${r.title}\n  ${r.date ?? "no date"} · ${r.meetingType} · presided by ${r.presiders.join(", ") || "—"}\n`,
      );
      r.directives.forEach((d, i) => {
        process.stdout.write(`  ${String(i + 1).padStart(2)}. ${d.text}\n`);
      });
    }
  }
  if (failures) process.exitCode = 1;
}
