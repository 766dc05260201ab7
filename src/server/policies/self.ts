import type { Actor } from "../../domain/scope.js";

/** What any signed-in person may do to their own account, whatever their roles. */
export const selfPolicy = {
  readSession: (_actor: Actor) => true,
  signOut: (_actor: Actor) => true,
  changePassword: (_actor: Actor) => true,
  setLocale: (_actor: Actor) => true,
  setEmailNotices: (_actor: Actor) => true,
};
