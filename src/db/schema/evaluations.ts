import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CRITERION_SOURCES, EVALUATION_PERIODS, MISSING_RULES, PEER_KINDS, SCORING_METHODS } from "../../domain/evaluation.js";
import { regions, units, users } from "./core.js";
import { indicators } from "./indicators.js";
import { attachments } from "./tasks.js";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

export const evaluationPeriod = pgEnum("evaluation_period", EVALUATION_PERIODS);
export const peerKind = pgEnum("peer_kind", PEER_KINDS);
export const criterionSource = pgEnum("criterion_source", CRITERION_SOURCES);
export const scoringMethod = pgEnum("scoring_method", SCORING_METHODS);
export const missingRule = pgEnum("missing_rule", MISSING_RULES);
export const evaluationState = pgEnum("evaluation_state", ["draft", "published", "superseded"]);

/** A scheme (比学赶超方案): who is compared, how often, on what, and how many flags. */
export const evaluationSchemes = pgTable("evaluation_schemes", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  period: evaluationPeriod("period").notNull(),
  peerKind: peerKind("peer_kind").notNull(),
  /** The office that runs it: its coordinators adjust, compute and publish. */
  ownerUnitId: uuid("owner_unit_id")
    .notNull()
    .references(() => units.id),
  redFlags: integer("red_flags").notNull().default(3),
  yellowFlags: integer("yellow_flags").notNull().default(0),
  active: boolean("active").notNull().default(true),
  version: integer("version").notNull().default(1),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/** The peers of a scheme (regions or units) and the group each is ranked in. */
export const evaluationPeers = pgTable(
  "evaluation_peers",
  {
    schemeId: uuid("scheme_id")
      .notNull()
      .references(() => evaluationSchemes.id, { onDelete: "cascade" }),
    regionId: uuid("region_id").references(() => regions.id),
    unitId: uuid("unit_id").references(() => units.id),
    /** The peer's id, region or unit: the key. */
    peerId: uuid("peer_id").notNull(),
    group: text("group").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.peerId] })],
);

/** A criterion: its figure's source, weight, scoring method and the rule for a peer without a figure. */
export const evaluationCriteria = pgTable(
  "evaluation_criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    schemeId: uuid("scheme_id")
      .notNull()
      .references(() => evaluationSchemes.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    name: text("name").notNull(),
    source: criterionSource("source").notNull(),
    indicatorId: uuid("indicator_id").references(() => indicators.id),
    weight: doublePrecision("weight").notNull(),
    method: scoringMethod("method").notNull(),
    better: text("better").notNull().default("higher"),
    missing: missingRule("missing").notNull().default("zero"),
    target: doublePrecision("target"),
  },
  (t) => [index("evaluation_criteria_scheme_idx").on(t.schemeId, t.ordinal)],
);

/** A bonus or penalty for a peer in a period, with its reason and evidence. */
export const evaluationAdjustments = pgTable(
  "evaluation_adjustments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    schemeId: uuid("scheme_id")
      .notNull()
      .references(() => evaluationSchemes.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    peerId: uuid("peer_id").notNull(),
    points: doublePrecision("points").notNull(),
    reason: text("reason").notNull(),
    attachmentId: uuid("attachment_id").references(() => attachments.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdByName: text("created_by_name").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("evaluation_adjustments_period_idx").on(t.schemeId, t.period)],
);

/**
 * A computed result for a period: the figures, criteria and scores as they were. A draft is
 * recomputed freely; once published it is locked, and a correction is a new version.
 */
export const evaluationResults = pgTable(
  "evaluation_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: bigint("number", { mode: "number" }).notNull().generatedByDefaultAsIdentity(),
    schemeId: uuid("scheme_id")
      .notNull()
      .references(() => evaluationSchemes.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    version: integer("version").notNull(),
    state: evaluationState("state").notNull().default("draft"),
    content: jsonb("content").notNull(),
    computedAt: at("computed_at").notNull().defaultNow(),
    publishedAt: at("published_at"),
    publishedBy: uuid("published_by").references(() => users.id),
    correction: text("correction"),
  },
  (t) => [
    uniqueIndex("evaluation_results_version_key").on(t.schemeId, t.period, t.version),
    uniqueIndex("evaluation_results_number_key").on(t.number),
  ],
);

export type EvaluationSchemeRow = typeof evaluationSchemes.$inferSelect;
export type EvaluationCriterionRow = typeof evaluationCriteria.$inferSelect;
export type EvaluationResultRow = typeof evaluationResults.$inferSelect;
