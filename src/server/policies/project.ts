import { type Actor, hasRole, type ScopedUnit, unitInScope } from "../../domain/scope.js";

/** What a project policy needs: the unit that leads (and reports on) it. */
export interface ScopedProject {
  lead: ScopedUnit;
}

const office = (actor: Actor) => hasRole(actor, "admin", "coordinator");
const leadStaff = (actor: Actor, p: ScopedProject) =>
  hasRole(actor, "admin", "coordinator", "reporter") && actor.unitId === p.lead.id;

/**
 * A project is read by everyone in scope of its lead unit; offices register and edit projects in
 * their scope; the lead unit's staff keep its figures through the monthly report (amount invested,
 * visible progress, photos and videos, nodes reached, stage).
 */
export const projectPolicy = {
  list: (actor: Actor) => actor.roles.length > 0,
  read: (actor: Actor, p: ScopedProject) => unitInScope(actor, p.lead),
  create: office,
  update: (actor: Actor, p: ScopedProject) => office(actor) && unitInScope(actor, p.lead),
  report: (actor: Actor, p: ScopedProject) => leadStaff(actor, p) || (office(actor) && unitInScope(actor, p.lead)),
};
