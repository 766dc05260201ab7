import { type Actor, hasRole, type ScopedUnit, unitInScope } from "../../domain/scope.js";

/** A user record belongs to the user's unit: whoever may see the unit may see its people. */
export interface ScopedUser {
  id: string;
  unit: ScopedUnit;
}

export const userPolicy = {
  list: (actor: Actor) => actor.roles.length > 0,
  read: (actor: Actor, user: ScopedUser) => user.id === actor.id || unitInScope(actor, user.unit),
  create: (actor: Actor) => hasRole(actor, "admin"),
  update: (actor: Actor) => hasRole(actor, "admin"),
  deactivate: (actor: Actor) => hasRole(actor, "admin"),
  resetPassword: (actor: Actor) => hasRole(actor, "admin"),
};
