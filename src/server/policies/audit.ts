import { type Actor, hasRole } from "../../domain/scope.js";

/** The audit log shows everyone's actions: admins only. */
export const auditPolicy = {
  list: (actor: Actor) => hasRole(actor, "admin"),
};
