import { z } from "zod";
import { LOCALES, ROLES } from "../domain/people.js";
import { activeFilter, cursor, limit, optionalText, order, pageOf, patchText, text, version } from "./common.js";

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,40}$/, { error: "username_format" });

/** Length only here; the policy (mix of characters, not the username) is checked in the command with a precise reason. */
export const password = z.string().min(1, { error: "required" }).max(200);

const roles = z.array(z.enum(ROLES)).min(1, { error: "roles_empty" }).max(ROLES.length);

export const userCreate = z
  .object({
    username,
    displayName: text(60),
    unitId: z.uuid(),
    roles,
    locale: z.enum(LOCALES).default("zh-CN"),
    email: z.email().max(200).nullish(),
    notifyByEmail: z.boolean().default(true),
    phone: optionalText(40),
    title: optionalText(60),
    password,
    mustChangePassword: z.boolean().default(true),
  })
  .strict();

export const userUpdate = z
  .object({
    displayName: text(60).optional(),
    unitId: z.uuid().optional(),
    roles: roles.optional(),
    locale: z.enum(LOCALES).optional(),
    email: z.email().max(200).nullish(),
    notifyByEmail: z.boolean().optional(),
    phone: patchText(40),
    title: patchText(60),
    version,
  })
  .strict();

export const userActive = z.object({ active: z.boolean(), version }).strict();
export const userPasswordReset = z.object({ password, version }).strict();

export const userListQuery = z
  .object({
    unitId: z.uuid().optional(),
    regionId: z.uuid().optional(),
    role: z.enum(ROLES).optional(),
    q: z.string().trim().max(60).optional(),
    active: activeFilter,
    sort: z.enum(["username", "displayName", "createdAt"]).default("username"),
    order,
    limit,
    cursor,
  })
  .strict();

export const userOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  regionId: z.string(),
  roles: z.array(z.enum(ROLES)),
  locale: z.enum(LOCALES),
  email: z.string().nullable(),
  notifyByEmail: z.boolean(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const userPage = pageOf(userOut);

export type UserCreate = Omit<z.infer<typeof userCreate>, "notifyByEmail"> & { notifyByEmail?: boolean };
export type UserUpdate = z.infer<typeof userUpdate>;
export type UserListQuery = z.infer<typeof userListQuery>;
export type UserOut = z.infer<typeof userOut>;
