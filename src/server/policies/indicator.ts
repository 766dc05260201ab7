import { type Actor, hasRole, type ScopedUnit, unitInScope } from "../../domain/scope.js";

/** What an indicator policy needs: the unit that publishes the indicator. */
export interface ScopedIndicator {
  sourceUnitId: string | null;
}

const office = (actor: Actor) => hasRole(actor, "admin", "coordinator");

/**
 * Economic figures are read by everyone signed in. Admins keep the catalog; offices and the staff
 * of the bureau that publishes an indicator enter its values; offices set targets and write the
 * month's analysis; admins set the light thresholds.
 */
export const indicatorPolicy = {
  list: (actor: Actor) => actor.roles.length > 0,
  read: (actor: Actor) => actor.roles.length > 0,
  create: (actor: Actor) => hasRole(actor, "admin"),
  update: (actor: Actor) => hasRole(actor, "admin"),
  enter: (actor: Actor, i: ScopedIndicator) =>
    office(actor) || (hasRole(actor, "reporter") && i.sourceUnitId !== null && actor.unitId === i.sourceUnitId),
  /** Importing a sheet: each indicator in it is checked with `enter` as well. */
  import: (actor: Actor) => office(actor) || hasRole(actor, "reporter"),
  target: office,
};

/** The month's analysis: read by everyone signed in, drafted and edited by offices. */
export const analysisPolicy = {
  list: (actor: Actor) => actor.roles.length > 0,
  read: (actor: Actor) => actor.roles.length > 0,
  create: office,
  update: office,
  delete: office,
};

/** The cockpit is for everyone signed in: leaders above all. */
export const cockpitPolicy = {
  read: (actor: Actor) => actor.roles.length > 0,
};

/** What an evaluation policy needs: the office that runs the scheme. */
export interface ScopedScheme {
  owner: ScopedUnit;
}

/**
 * Evaluations are read by everyone signed in (the flags are announced); offices set up schemes;
 * the office that runs one, and offices above it, adjust, compute and publish its results.
 */
export const evaluationPolicy = {
  list: (actor: Actor) => actor.roles.length > 0,
  read: (actor: Actor) => actor.roles.length > 0,
  create: office,
  update: (actor: Actor, s: ScopedScheme) => office(actor) && unitInScope(actor, s.owner),
};
