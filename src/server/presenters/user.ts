import type { UserRow } from "../../db/schema.js";
import type { Locale } from "../../domain/people.js";
import type { UserOut } from "../../schemas/users.js";
import { iso, isoOrNull } from "./time.js";

/** Never the password hash. */
export function presentUser(row: UserRow & { unitName: string; regionId: string }): UserOut {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    unitId: row.unitId,
    unitName: row.unitName,
    regionId: row.regionId,
    roles: row.roles,
    locale: row.locale as Locale,
    email: row.email,
    notifyByEmail: row.notifyByEmail,
    phone: row.phone,
    title: row.title,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: isoOrNull(row.lastLoginAt),
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
