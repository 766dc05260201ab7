import type { Writable } from "node:stream";
import { and, gt, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { tasks } from "../../db/schema.js";
import { escapeCell, LEDGER_COLUMNS, type LedgerColumnKey, lightLabel, stateLabel } from "../../domain/ledger.js";
import type { Light } from "../../domain/light.js";
import type { Locale } from "../../domain/people.js";
import type { TaskState } from "../../domain/task-states.js";
import { openXlsx, type XlsxCell, type XlsxLayout } from "../sheets/xlsx-writer.js";
import { unitLabels } from "./unit-names.js";

const PAGE = 2000;
const TITLE = { "zh-CN": "工作台账", en: "Work ledger" } as const;
const NOTE = {
  "zh-CN": "灰色列（来源会议、进度、状态、亮灯）只读，导入时忽略；序号为空的行导入为新任务。",
  en: "Grey columns (source meeting, progress, state, light) are for reading and ignored on import; rows without a number become new tasks.",
} as const;

// Styles by number: 1 bold (the title and headers), 2 a grey header (read-only columns), 3 a date, 4 a percentage.
const LAYOUT: XlsxLayout = {
  columns: LEDGER_COLUMNS.map((c) => ({ width: c.width, hidden: c.key === "version" })),
  styles: [{ bold: true }, { bold: true, fill: "FFE7E7E7" }, { numFmt: "yyyy-mm-dd" }, { numFmt: "0%" }],
  frozenRows: 2,
  creator: "Luoshi",
};
const STYLE_OF: Partial<Record<LedgerColumnKey, number>> = { dueOn: 3, startOn: 3, progress: 4 };
const HEADER_STYLES = LEDGER_COLUMNS.map((c) => (c.readOnly ? 2 : 1));
const ROW_STYLES = LEDGER_COLUMNS.map((c) => STYLE_OF[c.key] ?? 0);

/** A date column as the spreadsheet keeps it: UTC midnight, shown as a date whatever the reader's time zone. */
const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * One page of ledger rows after `afterNumber`, in task number order, with the names a ledger
 * shows; co-units and source meetings in the same statement (one round trip per page).
 */
interface LedgerRow {
  id: string;
  number: number;
  title: string;
  leadUnitId: string;
  responsibleLeader: string | null;
  startOn: string;
  dueOn: string;
  progress: number;
  state: TaskState;
  light: Light | null;
  campaign: string | null;
  parentNumber: number | null;
  version: number;
  /** Comma-separated ids: text the driver hands over as it is, where an array is parsed element by element. */
  coUnitIds: string;
  /** The source meetings' titles, joined as the ledger shows them. */
  sourceMeetings: string | null;
}

// Named as LedgerRow and read without Drizzle's row mapping (a type check per column per row),
// which cost more than PostgreSQL's work; dates as text and numbers as floats on either database.
const LEDGER_ROWS = sql.raw(`select tasks.id, tasks.number::float8 as "number", tasks.title, tasks.lead_unit_id as "leadUnitId",
  tasks.responsible_leader as "responsibleLeader", tasks.start_on::text as "startOn", tasks.due_on::text as "dueOn",
  tasks.progress, tasks.state, tasks.light, camp.name as campaign,
  (select p.number::float8 from tasks p where p.id = tasks.parent_id) as "parentNumber", tasks.version,
  array_to_string(array(select c.unit_id from task_co_units c where c.task_id = tasks.id), ',') as "coUnitIds",
  (select string_agg(distinct m.title, '；' order by m.title) from task_directives td join directives d on d.id = td.directive_id
    join meetings m on m.id = d.meeting_id where td.task_id = tasks.id) as "sourceMeetings"
  from tasks left join campaigns camp on camp.id = tasks.campaign_id`);

async function ledgerPage(db: Queryable, where: SQL | undefined, afterNumber: number): Promise<LedgerRow[]> {
  const { rows } = (await db.execute(
    sql`${LEDGER_ROWS} where ${and(where, gt(tasks.number, afterNumber))} order by tasks.number limit ${PAGE}`,
  )) as unknown as { rows: LedgerRow[] };
  return rows;
}

/**
 * Writes the tasks matching `where` as a ledger to `out`, streaming page by page so a ledger of
 * a hundred thousand tasks never sits in memory whole. Returns the number of tasks written.
 */
export async function writeLedger(
  db: Queryable,
  input: { where: SQL | undefined; locale: Locale; today: string },
  out: Writable,
): Promise<number> {
  const { locale } = input;
  const names = new Map<string, string>();
  const sheet = await openXlsx(out, LAYOUT, TITLE[locale]);
  await sheet.addRow([`${TITLE[locale]}  ${input.today}`, "", NOTE[locale]], 1);
  await sheet.addRow(
    LEDGER_COLUMNS.map((c) => c[locale]),
    HEADER_STYLES,
  );
  const text = (s: string | null | undefined) => (s ? escapeCell(s) : "");
  let count = 0;
  let after = 0;
  for (;;) {
    const page = await ledgerPage(db, input.where, after);
    const coUnits = page.map((t) => (t.coUnitIds ? t.coUnitIds.split(",") : []));
    const unnamed = page.flatMap((t, i) => [t.leadUnitId, ...coUnits[i]]).filter((id) => !names.has(id));
    for (const [id, label] of await unitLabels(db, unnamed)) names.set(id, label);
    for (const [i, t] of page.entries()) {
      const cells: Record<LedgerColumnKey, XlsxCell> = {
        number: t.number,
        title: text(t.title),
        sourceMeeting: text(t.sourceMeetings),
        leadUnit: text(names.get(t.leadUnitId)),
        coUnits: text(coUnits[i].map((id) => names.get(id) ?? "").join("、")),
        responsibleLeader: text(t.responsibleLeader),
        dueOn: asDate(t.dueOn),
        progress: t.progress / 100,
        state: stateLabel(t.state, locale),
        light: lightLabel(t.light, locale),
        startOn: asDate(t.startOn),
        campaign: text(t.campaign),
        parentNumber: t.parentNumber === null ? "" : Number(t.parentNumber),
        deadlineReason: "",
        version: t.version,
      };
      await sheet.addRow(
        LEDGER_COLUMNS.map((c) => cells[c.key]),
        ROW_STYLES,
      );
    }
    count += page.length;
    if (page.length < PAGE) break;
    after = page[page.length - 1].number;
  }
  await sheet.end();
  return count;
}
