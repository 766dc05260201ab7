import { z } from "zod";
import { taskBriefOut } from "./tasks.js";

const list = z.object({
  total: z.number(),
  totalCapped: z.boolean(),
  items: z.array(taskBriefOut).describe("The list's ten most urgent tasks; the task list has them all"),
});

/** What the actor's unit must do now; the office lists appear for coordinators. */
export const myWorkOut = z.object({
  sign: list,
  report: list,
  fix: list,
  verify: list.optional(),
  review: list.optional(),
  reassign: list.optional(),
});
