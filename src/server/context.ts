import type { Locale } from "../domain/people.js";
import type { Actor } from "../domain/scope.js";

/** What a command needs to know of the request: who, from where, and whether a policy was checked. */
export interface RequestContext {
  actor: Actor | null;
  sessionId: string | null;
  csrfToken: string | null;
  locale: Locale;
  ip: string;
  userAgent: string | null;
  policyChecked: boolean;
}

/** A context whose actor is known: what commands take. */
export interface ActingContext extends RequestContext {
  actor: Actor;
}

/** For the CLI and start-up jobs: the system acting on its own behalf. */
export function systemContext(label = "system"): RequestContext {
  return { actor: null, sessionId: null, csrfToken: null, locale: "zh-CN", ip: label, userAgent: null, policyChecked: true };
}
