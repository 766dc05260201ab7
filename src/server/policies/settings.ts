import { type Actor, hasRole } from "../../domain/scope.js";

/** The light's thresholds hold for the whole deployment: everyone may read why a light is what it is; admins set them. */
export const settingsPolicy = {
  read: (actor: Actor) => actor.roles.length > 0,
  update: (actor: Actor) => hasRole(actor, "admin"),
};
