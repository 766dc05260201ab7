import type { TaskRow } from "../../db/schema.js";
import { type LedgerColumnKey, parseLedgerDate, parseTaskNumber, splitNames, unescapeCell } from "../../domain/ledger.js";
import type { Actor } from "../../domain/scope.js";
import { type ScopedTask, taskPolicy } from "../policies/task.js";
import type { CellValue, LedgerLine } from "./read-ledger.js";
import type { UnitLookup } from "./unit-names.js";

/** A bad cell, named by its row and column so the office can find and fix it. */
export interface LedgerProblem {
  row: number;
  column: LedgerColumnKey | null;
  reason: string;
  value?: string;
}

export interface KnownTask {
  row: TaskRow;
  coUnitIds: string[];
  scoped: ScopedTask;
}

export interface LedgerRefs {
  actor: Actor;
  today: string;
  units: UnitLookup;
  /** Campaign ids by name; several ids when two campaigns share a name. */
  campaigns: Map<string, string[]>;
  tasks: Map<number, KnownTask>;
}

export interface LedgerCreate {
  row: number;
  title: string;
  leadUnitId: string;
  coUnitIds: string[];
  responsibleLeader: string | null;
  startOn: string;
  dueOn: string;
  campaignId: string | null;
  parent: KnownTask | null;
}

export interface LedgerUpdate {
  row: number;
  task: KnownTask;
  patch: {
    title?: string;
    leadUnitId?: string;
    coUnitIds?: string[];
    responsibleLeader?: string | null;
    startOn?: string;
    dueOn?: string;
    deadlineReason?: string;
    campaignId?: string | null;
  };
}

export interface LedgerPlan {
  creates: LedgerCreate[];
  updates: LedgerUpdate[];
  unchanged: number;
  problems: LedgerProblem[];
}

const LIMITS = { title: 300, responsibleLeader: 100, deadlineReason: 500 } as const;

function cellText(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") return null;
  const text = unescapeCell(String(v).trim());
  return text || null;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Checks every line of a ledger against what the database holds, before anything is written:
 * a line with a number updates that task (only the cells that differ), a line without one
 * creates a task. Every problem of every line is collected, so one pass shows them all.
 */
export function planLedger(lines: LedgerLine[], refs: LedgerRefs, onLine?: (done: number) => void): LedgerPlan {
  const plan: LedgerPlan = { creates: [], updates: [], unchanged: 0, problems: [] };
  const seen = new Map<number, number>();
  lines.forEach((line, i) => {
    const problems: LedgerProblem[] = [];
    const bad = (column: LedgerColumnKey | null, reason: string, value?: CellValue) =>
      problems.push({ row: line.row, column, reason, ...(value != null ? { value: String(cellText(value) ?? value) } : {}) });
    const has = (key: LedgerColumnKey) => key in line.cells;
    const raw = (key: LedgerColumnKey) => line.cells[key];
    const text = (key: LedgerColumnKey) => {
      const t = cellText(raw(key));
      const limit = LIMITS[key as keyof typeof LIMITS];
      if (t && limit && t.length > limit) bad(key, "too_long");
      if (raw(key) && typeof raw(key) === "object" && !(raw(key) instanceof Date)) bad(key, "cell_error");
      return t;
    };
    const date = (key: "startOn" | "dueOn") => {
      const v = raw(key);
      if (v === null || v === undefined) return null;
      const iso = parseLedgerDate(v instanceof Date ? v : typeof v === "string" ? unescapeCell(v) : null);
      if (!iso) bad(key, "date_format", v);
      return iso;
    };
    const unit = (name: string, key: LedgerColumnKey) => {
      const found = refs.units(name);
      if ("error" in found) {
        bad(key, found.error, name);
        return null;
      }
      return found.id;
    };

    let existing: KnownTask | null = null;
    if (raw("number") !== null && raw("number") !== undefined) {
      const number = parseTaskNumber(raw("number"));
      if (number === null) bad("number", "number_format", raw("number"));
      else if (seen.has(number)) bad("number", "number_repeated", raw("number"));
      else {
        seen.set(number, line.row);
        existing = refs.tasks.get(number) ?? null;
        if (!existing) bad("number", "task_missing", raw("number"));
      }
      if (!existing) {
        plan.problems.push(...problems);
        onLine?.(i + 1);
        return;
      }
    }

    const title = text("title");
    if (!title && (!existing || has("title"))) bad("title", "required");
    const leadText = text("leadUnit");
    const leadUnitId = leadText ? unit(leadText, "leadUnit") : null;
    if (!leadText && (!existing || has("leadUnit"))) bad("leadUnit", "required");
    const coText = text("coUnits");
    const coUnitIds = (coText ? splitNames(coText) : []).map((n) => unit(n, "coUnits")).filter((id) => id !== null);
    if (leadUnitId && coUnitIds.includes(leadUnitId)) bad("coUnits", "co_unit_is_lead", coText);
    const responsibleLeader = text("responsibleLeader");
    const startOn = date("startOn");
    const dueOn = date("dueOn");
    if (!dueOn && !raw("dueOn") && (!existing || has("dueOn"))) bad("dueOn", "required");
    const campaignName = text("campaign");
    let campaignId: string | null = null;
    if (campaignName) {
      const ids = refs.campaigns.get(campaignName) ?? [];
      if (ids.length === 1) campaignId = ids[0];
      else bad("campaign", ids.length ? "campaign_ambiguous" : "campaign_missing", campaignName);
    }
    const reason = text("deadlineReason");

    if (existing) {
      const t = existing.row;
      const version = raw("version");
      if (version !== null && version !== undefined && Number(version) !== t.version)
        bad("version", "changed_since_export", version);
      const patch: LedgerUpdate["patch"] = {};
      if (has("title") && title && title !== t.title) patch.title = title;
      if (has("leadUnit") && leadUnitId && leadUnitId !== t.leadUnitId) patch.leadUnitId = leadUnitId;
      if (has("coUnits") && !sameSet(coUnitIds, existing.coUnitIds)) patch.coUnitIds = coUnitIds;
      if (has("responsibleLeader") && responsibleLeader !== (t.responsibleLeader ?? null))
        patch.responsibleLeader = responsibleLeader;
      if (startOn && startOn !== t.startOn) patch.startOn = startOn;
      if (dueOn && dueOn !== t.dueOn) {
        patch.dueOn = dueOn;
        if (!reason) bad("deadlineReason", "deadline_reason");
        else patch.deadlineReason = reason;
      }
      if (has("campaign") && campaignId !== t.campaignId && !(campaignName && !campaignId)) patch.campaignId = campaignId;
      if ((startOn ?? t.startOn) > (dueOn ?? t.dueOn)) bad("dueOn", "date_range");
      const changed = Object.keys(patch).some((k) => k !== "deadlineReason");
      // A row left as exported is fine whoever reads the ledger; a change needs the right to edit.
      if (changed && !taskPolicy.update(refs.actor, existing.scoped)) bad("number", "forbidden", t.number);
      else if (changed && (t.state === "closed" || t.state === "cancelled")) bad("number", "task_finished", t.number);
      if (!problems.length) {
        if (changed) plan.updates.push({ row: line.row, task: existing, patch });
        else plan.unchanged++;
      }
    } else {
      const parentNumber = raw("parentNumber");
      let parent: KnownTask | null = null;
      if (parentNumber !== null && parentNumber !== undefined) {
        const n = parseTaskNumber(parentNumber);
        parent = n === null ? null : (refs.tasks.get(n) ?? null);
        if (!parent) bad("parentNumber", "task_missing", parentNumber);
        else if (!taskPolicy.step(refs.actor, parent.scoped)) bad("parentNumber", "forbidden", parentNumber);
      }
      const start = startOn ?? refs.today;
      if (dueOn && start > dueOn) bad("dueOn", "date_range");
      if (!problems.length && title && leadUnitId && dueOn)
        plan.creates.push({
          row: line.row,
          title,
          leadUnitId,
          coUnitIds,
          responsibleLeader,
          startOn: start,
          dueOn,
          campaignId: campaignId ?? parent?.row.campaignId ?? null,
          parent,
        });
    }
    plan.problems.push(...problems);
    onLine?.(i + 1);
  });
  if (!lines.length) plan.problems.push({ row: 0, column: null, reason: "ledger_empty" });
  return plan;
}
