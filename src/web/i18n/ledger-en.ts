import type { ledgerZhCN } from "./ledger-zh-CN.js";

export const ledgerEn: Record<keyof typeof ledgerZhCN, string> = {
  "common.close": "Close",
  "ledger.export": "Export ledger",
  "ledger.import": "Import ledger",
  "ledger.importHelp":
    "Export a ledger, edit it in Excel and import it back: a row with a number updates that task (only the cells that changed; a new deadline needs its reason), a row without one creates a task. Grey columns are for reading. If any row is wrong, nothing is imported.",
  "ledger.drop": "Click or drop an .xlsx ledger here",
  "ledger.phase.uploading": "Uploading",
  "ledger.phase.reading": "Reading the ledger",
  "ledger.phase.checking": "Checking every row",
  "ledger.phase.writing": "Writing",
  "ledger.imported": "Ledger imported",
  "ledger.importedCounts": "{created} created, {updated} updated, {unchanged} unchanged",
  "ledger.rejected": "Rows to fix: {count}. Nothing was imported",
  "ledger.rejectedHelp": "Fix them as listed and import again; nothing has been changed.",
  "ledger.again": "Import another",
  "ledger.row": "Row",
  "ledger.column": "Column",
  "ledger.value": "Cell",
  "ledger.reason": "Problem",
  "task.campaignFilter": "Campaign",
  "task.meetingFilter": "Source meeting",
};
