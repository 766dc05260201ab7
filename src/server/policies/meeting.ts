import { type Actor, hasRole, type ScopedUnit, unitInScope } from "../../domain/scope.js";

/** A meeting belongs to the unit that registered it; coordinators register and edit, everyone in scope reads. */
export const meetingPolicy = {
  list: (actor: Actor) => actor.roles.length > 0,
  read: (actor: Actor, unit: ScopedUnit) => unitInScope(actor, unit),
  create: (actor: Actor) => hasRole(actor, "admin", "coordinator"),
  update: (actor: Actor, unit: ScopedUnit) => hasRole(actor, "admin", "coordinator") && unitInScope(actor, unit),
};
