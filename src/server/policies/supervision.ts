import { type Actor, hasRole, type ScopedUnit, unitInScope } from "../../domain/scope.js";

const signedIn = (actor: Actor) => actor.roles.length > 0;
const office = (actor: Actor) => hasRole(actor, "admin", "coordinator");
const works = (actor: Actor) => hasRole(actor, "admin", "coordinator", "reporter");

/** What a notice policy needs: the office that issued it and the unit it went to. */
export interface ScopedNotice {
  from: ScopedUnit;
  to: ScopedUnit;
}

/**
 * Notices are read by the unit they went to and by everyone in scope of either unit; offices
 * issue them; the unit's staff reply (and opening one records that the unit has read it).
 */
export const noticePolicy = {
  list: signedIn,
  read: (actor: Actor, n: ScopedNotice) => unitInScope(actor, n.from) || unitInScope(actor, n.to),
  create: office,
  reply: (actor: Actor, n: ScopedNotice) => works(actor) && actor.unitId === n.to.id,
  markRead: (actor: Actor, n: ScopedNotice) => signedIn(actor) && actor.unitId === n.to.id,
};

/** Everyone has an inbox of their own. */
export const inboxPolicy = { read: signedIn, update: signedIn };

export interface ScopedInstruction {
  author: ScopedUnit;
  unitIds: readonly string[];
}

/** Leaders write instructions; the units concerned read and acknowledge them; the rest follows scope. */
export const instructionPolicy = {
  list: signedIn,
  read: (actor: Actor, i: ScopedInstruction) =>
    unitInScope(actor, i.author) || (signedIn(actor) && i.unitIds.includes(actor.unitId)),
  create: (actor: Actor) => hasRole(actor, "leader", "admin"),
  acknowledge: (actor: Actor, i: ScopedInstruction) => works(actor) && i.unitIds.includes(actor.unitId),
};

export interface ScopedBulletin {
  issuer: ScopedUnit;
  published: boolean;
  recipientIds: readonly string[];
}

/** The office drafts, edits and publishes; once published, the units it went to read it too. */
export const bulletinPolicy = {
  list: signedIn,
  read: (actor: Actor, b: ScopedBulletin) =>
    (office(actor) && unitInScope(actor, b.issuer)) ||
    (hasRole(actor, "leader") && unitInScope(actor, b.issuer)) ||
    (b.published && signedIn(actor) && (unitInScope(actor, b.issuer) || b.recipientIds.includes(actor.unitId))),
  create: office,
  update: (actor: Actor, b: ScopedBulletin) => office(actor) && unitInScope(actor, b.issuer),
  receipt: (actor: Actor, b: ScopedBulletin) => b.published && signedIn(actor) && b.recipientIds.includes(actor.unitId),
};

/** A unit's robots and mailbox are set by admins and by the offices that look after the unit. */
export const channelPolicy = {
  read: (actor: Actor, unit: ScopedUnit) => office(actor) && unitInScope(actor, unit),
  update: (actor: Actor, unit: ScopedUnit) => office(actor) && unitInScope(actor, unit),
};

/** The outbox shows addresses and errors: admins only. */
export const deliveryPolicy = {
  list: (actor: Actor) => hasRole(actor, "admin"),
  retry: (actor: Actor) => hasRole(actor, "admin"),
};

/** The supervision dashboard: those who supervise and those who lead, over their scope. */
export const dashboardPolicy = {
  read: (actor: Actor) => hasRole(actor, "admin", "coordinator", "leader"),
};
