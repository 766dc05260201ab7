import type { Actor } from "../../domain/scope.js";
import type { RequestContext } from "../context.js";
import { forbidden, unauthorized } from "../errors.js";
import { auditPolicy } from "./audit.js";
import { analysisPolicy, cockpitPolicy, evaluationPolicy, indicatorPolicy } from "./indicator.js";
import { meetingPolicy } from "./meeting.js";
import { projectPolicy } from "./project.js";
import { regionPolicy } from "./region.js";
import { selfPolicy } from "./self.js";
import { settingsPolicy } from "./settings.js";
import {
  bulletinPolicy,
  channelPolicy,
  dashboardPolicy,
  deliveryPolicy,
  inboxPolicy,
  instructionPolicy,
  noticePolicy,
} from "./supervision.js";
import { attachmentPolicy, campaignPolicy, ledgerPolicy, taskPolicy } from "./task.js";
import { unitPolicy } from "./unit.js";
import { userPolicy } from "./user.js";

const policies = {
  region: regionPolicy,
  unit: unitPolicy,
  user: userPolicy,
  audit: auditPolicy,
  self: selfPolicy,
  meeting: meetingPolicy,
  task: taskPolicy,
  campaign: campaignPolicy,
  attachment: attachmentPolicy,
  ledger: ledgerPolicy,
  settings: settingsPolicy,
  notice: noticePolicy,
  inbox: inboxPolicy,
  instruction: instructionPolicy,
  bulletin: bulletinPolicy,
  channel: channelPolicy,
  delivery: deliveryPolicy,
  dashboard: dashboardPolicy,
  project: projectPolicy,
  indicator: indicatorPolicy,
  analysis: analysisPolicy,
  cockpit: cockpitPolicy,
  evaluation: evaluationPolicy,
};

type Policies = typeof policies;
export type Entity = keyof Policies;
export type Action<E extends Entity> = keyof Policies[E] & string;
type Rule<E extends Entity, A extends Action<E>> = Policies[E][A] extends (...args: infer P) => boolean ? P : never;
type RecordArg<E extends Entity, A extends Action<E>> = Rule<E, A> extends [Actor, infer R] ? [record: R] : [];

/** Whether the actor may; for presenting abilities to the UI. */
export function can<E extends Entity, A extends Action<E>>(
  actor: Actor,
  entity: E,
  action: A,
  ...record: RecordArg<E, A>
): boolean {
  const rule = policies[entity][action] as (actor: Actor, record?: unknown) => boolean;
  return rule(actor, record[0]);
}

/**
 * The one gate every route passes: throws 403 when the actor may not. It marks the request as
 * checked; a guarded route that answers without having called it fails closed (see app.ts).
 */
export function authorize<E extends Entity, A extends Action<E>>(
  ctx: RequestContext,
  entity: E,
  action: A,
  ...record: RecordArg<E, A>
): asserts ctx is RequestContext & { actor: Actor } {
  ctx.policyChecked = true;
  if (!ctx.actor) throw unauthorized();
  if (!can(ctx.actor, entity, action, ...record)) throw forbidden();
}
