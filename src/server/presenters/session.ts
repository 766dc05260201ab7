import type { Locale } from "../../domain/people.js";
import type { Actor } from "../../domain/scope.js";
import type { SessionOut } from "../../schemas/auth.js";
import { can } from "../policies/index.js";
import type { LoadedUser } from "../queries/users.js";

/** The signed-in person and what the UI may offer them; the UI hides what the server would refuse anyway. */
export function presentSession(user: LoadedUser, actor: Actor, csrfToken: string): SessionOut {
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      locale: user.locale as Locale,
      unitId: user.unitId,
      unitName: user.unitName,
      regionId: user.regionId,
      regionName: user.regionName,
      mustChangePassword: user.mustChangePassword,
      notifyByEmail: user.notifyByEmail,
      hasEmail: Boolean(user.email),
    },
    csrfToken,
    abilities: {
      "region.read": can(actor, "region", "read"),
      "region.create": can(actor, "region", "create"),
      "region.update": can(actor, "region", "update"),
      "unit.list": can(actor, "unit", "list"),
      "unit.create": can(actor, "unit", "create"),
      "unit.update": can(actor, "unit", "update"),
      "user.list": can(actor, "user", "list"),
      "user.create": can(actor, "user", "create"),
      "user.update": can(actor, "user", "update"),
      "audit.list": can(actor, "audit", "list"),
      "task.create": can(actor, "task", "create"),
      "campaign.create": can(actor, "campaign", "create"),
      "notice.create": can(actor, "notice", "create"),
      "instruction.create": can(actor, "instruction", "create"),
      "bulletin.create": can(actor, "bulletin", "create"),
      "dashboard.read": can(actor, "dashboard", "read"),
      "delivery.list": can(actor, "delivery", "list"),
      "settings.update": can(actor, "settings", "update"),
      "project.create": can(actor, "project", "create"),
      "indicator.create": can(actor, "indicator", "create"),
      "indicator.import": can(actor, "indicator", "import"),
      "indicator.target": can(actor, "indicator", "target"),
      "analysis.create": can(actor, "analysis", "create"),
      "evaluation.create": can(actor, "evaluation", "create"),
    },
  };
}
