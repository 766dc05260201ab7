import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { settings } from "../../db/schema.js";
import { DEFAULT_LIGHT_THRESHOLDS, type LightThresholds } from "../../domain/indicators.js";
import { DEFAULT_LIGHT_SETTINGS, type LightSettings } from "../../domain/light.js";
import {
  DEFAULT_NODE_TEMPLATES,
  DEFAULT_WARNING_SETTINGS,
  type NodeKind,
  type ProjectCategory,
  type WarningSettings,
} from "../../domain/projects.js";
import { DEFAULT_SUPERVISION_SETTINGS, type SupervisionSettings } from "../../domain/supervision.js";

/** The light thresholds: what an admin saved over the defaults. */
export async function lightSettings(db: Queryable): Promise<LightSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, "light")).limit(1);
  return { ...DEFAULT_LIGHT_SETTINGS, ...((row?.value as Partial<LightSettings> | undefined) ?? {}) };
}

/** The reminder and ladder rules: what an admin saved over the defaults. */
export async function supervisionSettings(db: Queryable): Promise<SupervisionSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, "supervision")).limit(1);
  return { ...DEFAULT_SUPERVISION_SETTINGS, ...((row?.value as Partial<SupervisionSettings> | undefined) ?? {}) };
}

/** The early-warning margins for projects: what an admin saved over the defaults. */
export async function projectWarningSettings(db: Queryable): Promise<WarningSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, "project_warnings")).limit(1);
  return { ...DEFAULT_WARNING_SETTINGS, ...((row?.value as Partial<WarningSettings> | undefined) ?? {}) };
}

/** The node schedule each category of project gets by default: what an admin saved over the built-in one. */
export async function nodeTemplates(db: Queryable): Promise<Record<ProjectCategory, NodeKind[]>> {
  const [row] = await db.select().from(settings).where(eq(settings.key, "project_nodes")).limit(1);
  return { ...DEFAULT_NODE_TEMPLATES, ...((row?.value as Partial<Record<ProjectCategory, NodeKind[]>> | undefined) ?? {}) };
}

/** How far short of an indicator's target is still "close": what an admin saved over the defaults. */
export async function indicatorLightSettings(db: Queryable): Promise<LightThresholds> {
  const [row] = await db.select().from(settings).where(eq(settings.key, "indicator_lights")).limit(1);
  return { ...DEFAULT_LIGHT_THRESHOLDS, ...((row?.value as Partial<LightThresholds> | undefined) ?? {}) };
}
