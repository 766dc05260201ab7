import { z } from "zod";
import { LOCALES, ROLES } from "../domain/people.js";
import { password } from "./users.js";

export const loginBody = z
  .object({
    username: z.string().trim().min(1, { error: "required" }).max(100),
    password,
  })
  .strict();

export const changePasswordBody = z.object({ currentPassword: password, newPassword: password }).strict();
export const localeBody = z.object({ locale: z.enum(LOCALES) }).strict();
export const emailNoticesBody = z.object({ notifyByEmail: z.boolean() }).strict();

export const sessionOut = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    locale: z.enum(LOCALES),
    unitId: z.string(),
    unitName: z.string(),
    regionId: z.string(),
    regionName: z.string(),
    mustChangePassword: z.boolean(),
    /** Whether notices also come by e-mail, and whether there is an address to send them to. */
    notifyByEmail: z.boolean(),
    hasEmail: z.boolean(),
  }),
  csrfToken: z.string(),
  abilities: z.record(z.string(), z.boolean()),
});

export type SessionOut = z.infer<typeof sessionOut>;
