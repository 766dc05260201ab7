import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { users } from "../../db/schema.js";
import { PASSWORD_MIN_LENGTH, passwordProblem } from "../../domain/people.js";
import { badRequest, conflict } from "../errors.js";
import { findUnit } from "../queries/units.js";

export async function checkUserUnit(tx: Queryable, unitId: string) {
  const unit = await findUnit(tx, unitId);
  if (!unit) throw badRequest("unitId", "unit_missing");
  if (!unit.active) throw badRequest("unitId", "unit_inactive");
  return unit;
}

export async function checkUsernameFree(tx: Queryable, username: string) {
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  if (taken) throw conflict("username_taken", "username", { username });
}

/** The password policy of src/domain, reported against the named field. */
export function checkPasswordPolicy(field: string, password: string, username: string) {
  const problem = passwordProblem(password, username);
  if (problem) throw badRequest(field, `password_${problem}`, { min: PASSWORD_MIN_LENGTH });
}
