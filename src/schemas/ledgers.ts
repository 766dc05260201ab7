import { z } from "zod";
import { LEDGER_COLUMNS } from "../domain/ledger.js";

const columnKeys = LEDGER_COLUMNS.map((c) => c.key) as [string, ...string[]];

export const ledgerProblemOut = z.object({
  /** The spreadsheet's row number; 0 for the file as a whole. */
  row: z.number().int(),
  column: z.enum(columnKeys).nullable(),
  reason: z.string(),
  /** The reason in the reader's language. */
  message: z.string(),
  value: z.string().optional(),
});

export const importJobOut = z.object({
  id: z.uuid(),
  fileName: z.string(),
  phase: z.enum(["reading", "checking", "writing", "done", "failed"]),
  done: z.number().int(),
  total: z.number().int(),
  result: z
    .union([
      z.object({
        ok: z.literal(true),
        created: z.number().int(),
        updated: z.number().int(),
        unchanged: z.number().int(),
      }),
      z.object({ ok: z.literal(false), problems: z.array(ledgerProblemOut) }),
    ])
    .nullable(),
});
export type ImportJobOut = z.infer<typeof importJobOut>;
