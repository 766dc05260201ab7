import { type Actor, hasRole } from "../../domain/scope.js";

/** Regions are shared reference data: every role reads them; only admins change them. */
export const regionPolicy = {
  read: (actor: Actor) => actor.roles.length > 0,
  create: (actor: Actor) => hasRole(actor, "admin"),
  update: (actor: Actor) => hasRole(actor, "admin"),
  deactivate: (actor: Actor) => hasRole(actor, "admin"),
};
