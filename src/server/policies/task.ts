import { type Actor, hasRole, type ScopedUnit, unitInScope } from "../../domain/scope.js";
import type { Side } from "../../domain/task-states.js";
import { projectPolicy, type ScopedProject } from "./project.js";

/** What a task policy needs: the office that assigned it, the lead unit, and the co-operating units. */
export interface ScopedTask {
  owner: ScopedUnit;
  lead: ScopedUnit;
  coUnitIds: readonly string[];
}

const works = (actor: Actor) => hasRole(actor, "admin", "coordinator", "reporter");
const isOffice = (actor: Actor, task: ScopedTask) => hasRole(actor, "admin", "coordinator") && unitInScope(actor, task.owner);
const isLead = (actor: Actor, task: ScopedTask) => works(actor) && actor.unitId === task.lead.id;
const isCoUnit = (actor: Actor, task: ScopedTask) => works(actor) && task.coUnitIds.includes(actor.unitId);

/** The sides of the state machine the actor stands on for this task. */
export function sidesOf(actor: Actor, task: ScopedTask): Side[] {
  const sides: Side[] = [];
  if (isOffice(actor, task)) sides.push("office");
  if (isLead(actor, task)) sides.push("lead");
  return sides;
}

/**
 * A task is read by everyone in scope of the office that assigned it or of its lead unit, and
 * by the staff of its lead and co-operating units; the office edits, verifies and reviews; the
 * lead unit signs for it and reports; co-units add notes.
 */
export const taskPolicy = {
  list: (actor: Actor) => actor.roles.length > 0,
  read: (actor: Actor, task: ScopedTask) =>
    unitInScope(actor, task.owner) ||
    unitInScope(actor, task.lead) ||
    (actor.roles.length > 0 && task.coUnitIds.includes(actor.unitId)),
  create: (actor: Actor) => hasRole(actor, "admin", "coordinator"),
  update: isOffice,
  step: (actor: Actor, task: ScopedTask) => sidesOf(actor, task).length > 0,
  report: isLead,
  note: isCoUnit,
  review: isOffice,
  overrideLight: isOffice,
  /** Milestones are marked done by whoever does or supervises the work. */
  milestone: (actor: Actor, task: ScopedTask) => isOffice(actor, task) || isLead(actor, task),
};

/** Campaigns are announced programmes, read by everyone signed in; the office that runs one edits it. Its tasks stay scoped. */
export const campaignPolicy = {
  list: (actor: Actor) => actor.roles.length > 0,
  read: (actor: Actor) => actor.roles.length > 0,
  create: (actor: Actor) => hasRole(actor, "admin", "coordinator"),
  update: (actor: Actor, owner: ScopedUnit) => hasRole(actor, "admin", "coordinator") && unitInScope(actor, owner),
};

/**
 * Anyone who works on tasks may upload evidence; reading it follows the tasks and projects it is
 * attached to. Evidence for an evaluation's bonus or penalty is read as the evaluation is: by all.
 */
export const attachmentPolicy = {
  upload: works,
  read: (
    actor: Actor,
    file: { createdBy: string | null; tasks: ScopedTask[]; projects?: ScopedProject[]; evaluationEvidence?: boolean },
  ) =>
    actor.roles.length > 0 &&
    (file.createdBy === actor.id ||
      file.evaluationEvidence === true ||
      file.tasks.some((t) => taskPolicy.read(actor, t)) ||
      (file.projects ?? []).some((p) => projectPolicy.read(actor, p))),
};

/** A ledger export is a task list in a file; an import creates tasks, and each row it changes is checked as an edit. */
export const ledgerPolicy = {
  export: taskPolicy.list,
  import: taskPolicy.create,
};
