import { type Actor, hasRole, type ScopedUnit, unitInScope } from "../../domain/scope.js";

export const unitPolicy = {
  list: (actor: Actor) => actor.roles.length > 0,
  read: (actor: Actor, unit: ScopedUnit) => unitInScope(actor, unit),
  create: (actor: Actor) => hasRole(actor, "admin"),
  update: (actor: Actor) => hasRole(actor, "admin"),
  deactivate: (actor: Actor) => hasRole(actor, "admin"),
};
