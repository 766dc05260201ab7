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
import { ACCUMULATIONS, BETTER, INDICATOR_GROUPS, PERIOD_KINDS } from "../../domain/indicators.js";
import { regions, units, users } from "./core.js";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

export const indicatorGroup = pgEnum("indicator_group", INDICATOR_GROUPS);
export const periodKind = pgEnum("period_kind", PERIOD_KINDS);
export const accumulation = pgEnum("accumulation", ACCUMULATIONS);
export const better = pgEnum("better", BETTER);
export const indicatorTargetKind = pgEnum("indicator_target_kind", ["growth", "value"]);

/** The indicator catalog: what statistics bureaus publish, and how its figures add up and compare. */
export const indicators = pgTable(
  "indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    /** 亿元, 万元, %, 亿千瓦时 … and its English form. */
    measureUnit: text("measure_unit").notNull(),
    measureUnitEn: text("measure_unit_en").notNull(),
    /** Digits the bureau publishes the value with. */
    decimals: integer("decimals").notNull().default(2),
    group: indicatorGroup("group").notNull(),
    periodKind: periodKind("period_kind").notNull().default("monthly"),
    accumulation: accumulation("accumulation").notNull().default("cumulative"),
    better: better("better").notNull().default("higher"),
    additive: boolean("additive").notNull().default(true),
    /** The unit that publishes it (a statistics or commerce bureau); its staff enter the values. */
    sourceUnitId: uuid("source_unit_id").references(() => units.id),
    /** Shown on the cockpit's headline row. */
    headline: boolean("headline").notNull().default(false),
    sortOrder: integer("sort_order").notNull().default(0),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("indicators_code_key").on(t.code), index("indicators_order_idx").on(t.sortOrder, t.code)],
);

/**
 * The current value of an indicator for a region and period, the growth the bureau published
 * with it (on a comparable basis) when it did, and where it came from. A value it replaces is
 * moved to the revisions, so a first import writes here alone.
 */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id),
    /** YYYY-MM; a quarter by its last month. */
    period: text("period").notNull(),
    value: doublePrecision("value").notNull(),
    reportedGrowth: doublePrecision("reported_growth"),
    revision: integer("revision").notNull().default(1),
    /** "entry" (typed in the browser) or "import" (from a sheet, named in `sourceName`). */
    source: text("source").notNull().default("entry"),
    sourceName: text("source_name"),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedByName: text("updated_by_name").notNull().default(""),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.period, t.regionId] })],
);

/** Every value a cell had before the current one, with where it came from; never updated or deleted. */
export const indicatorRevisions = pgTable(
  "indicator_revisions",
  {
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id),
    period: text("period").notNull(),
    revision: integer("revision").notNull(),
    value: doublePrecision("value").notNull(),
    reportedGrowth: doublePrecision("reported_growth"),
    /** "entry" (typed in the browser) or "import" (from a sheet, named in `sourceName`). */
    source: text("source").notNull(),
    sourceName: text("source_name"),
    changedBy: uuid("changed_by").references(() => users.id),
    changedByName: text("changed_by_name").notNull(),
    /** When this value was entered (not when it was replaced). */
    changedAt: at("changed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.regionId, t.period, t.revision] })],
);

/** The target for a year: a growth rate or a value, per indicator and region. */
export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id),
    year: integer("year").notNull(),
    kind: indicatorTargetKind("kind").notNull(),
    amount: doublePrecision("amount").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.regionId, t.year] })],
);

/**
 * A month's operation analysis (经济运行分析) for a region: the figures as they stood when it
 * was drafted, and the text, drafted from them and edited before it is exported.
 */
export const analyses = pgTable(
  "analyses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: bigint("number", { mode: "number" }).notNull().generatedByDefaultAsIdentity(),
    period: text("period").notNull(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id),
    title: text("title").notNull(),
    /** Written in this language; the figures' tables follow it. */
    locale: text("locale").notNull(),
    /** The figures snapshot: the city's table, the rankings, what is in the red. */
    figures: jsonb("figures").notNull(),
    /** The editable text: sections of paragraphs. */
    sections: jsonb("sections").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdByName: text("created_by_name").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("analyses_number_key").on(t.number), index("analyses_period_idx").on(t.period, t.createdAt)],
);

export type IndicatorRow = typeof indicators.$inferSelect;
export type IndicatorValueRow = typeof indicatorValues.$inferSelect;
export type AnalysisRow = typeof analyses.$inferSelect;
