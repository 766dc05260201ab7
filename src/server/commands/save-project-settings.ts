import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { settings } from "../../db/schema.js";
import { NODE_KINDS } from "../../domain/projects.js";
import type { ProjectSettingsIn } from "../../schemas/projects.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { badRequest } from "../errors.js";
import { nodeTemplates, projectWarningSettings } from "../queries/settings.js";

/** Saves the warning margins and the node schedule of each category; every warning is recomputed by the caller. */
export async function saveProjectSettings(ctx: ActingContext, input: ProjectSettingsIn, tx: Queryable): Promise<void> {
  if (input.warnings.nodeRedDays <= input.warnings.nodeYellowDays) throw badRequest("warnings.nodeRedDays", "red_after_yellow");
  for (const [category, kinds] of Object.entries(input.nodeTemplates))
    if (new Set(kinds).size !== kinds.length) throw badRequest(`nodeTemplates.${category}`, "node_repeated");
  // Nodes keep their natural order whatever order they were picked in.
  const ordered = Object.fromEntries(
    Object.entries(input.nodeTemplates).map(([c, kinds]) => [
      c,
      [...kinds].sort((a, b) => NODE_KINDS.indexOf(a) - NODE_KINDS.indexOf(b)),
    ]),
  );
  const before = { warnings: await projectWarningSettings(tx), nodeTemplates: await nodeTemplates(tx) };
  for (const [key, value] of [
    ["project_warnings", input.warnings],
    ["project_nodes", ordered],
  ] as const)
    await tx
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
  await writeAudit(tx, ctx, {
    action: "settings.projects",
    entityType: "settings",
    entityId: "projects",
    before,
    after: { warnings: input.warnings, nodeTemplates: ordered },
  });
}
