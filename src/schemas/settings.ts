import { z } from "zod";

const days = (max: number) => z.number().int().min(0).max(max);

export const lightSettingsIn = z
  .object({
    nearDays: days(365).min(1),
    behindPoints: z.number().int().min(1).max(100),
    seriouslyBehindPoints: z.number().int().min(1).max(100),
    reportGraceDays: days(60),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.seriouslyBehindPoints <= v.behindPoints)
      ctx.addIssue({ code: "custom", path: ["seriouslyBehindPoints"], message: "serious_above_behind" });
  });
export type LightSettingsIn = z.infer<typeof lightSettingsIn>;

export const lightSettingsOut = z.object({
  nearDays: z.number(),
  behindPoints: z.number(),
  seriouslyBehindPoints: z.number(),
  reportGraceDays: z.number(),
  /** The built-in thresholds, to compare with and go back to. */
  defaults: z.object({
    nearDays: z.number(),
    behindPoints: z.number(),
    seriouslyBehindPoints: z.number(),
    reportGraceDays: z.number(),
  }),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
