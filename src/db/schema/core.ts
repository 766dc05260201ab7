import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { DIRECTIVE_TOPICS, MEETING_KINDS } from "../../domain/meetings.js";
import { REGION_LEVELS, ROLES, UNIT_KINDS } from "../../domain/people.js";

export const regionLevel = pgEnum("region_level", REGION_LEVELS);
export const unitKind = pgEnum("unit_kind", UNIT_KINDS);

const stamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
};

/** Province › city › county/district › township. `path` holds the ids from the root down, for subtree scope. */
export const regions = pgTable(
  "regions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    level: regionLevel("level").notNull(),
    parentId: uuid("parent_id").references((): any => regions.id),
    path: text("path").notNull(),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    ...stamps,
  },
  (t) => [
    uniqueIndex("regions_code_key").on(t.code),
    index("regions_parent_idx").on(t.parentId),
    index("regions_path_idx").using("btree", t.path.op("text_pattern_ops")),
  ],
);

export const units = pgTable(
  "units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code"),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    shortName: text("short_name"),
    /** What the unit handles, in the words directives use (项目, 招商, transport…): for suggesting lead units. */
    keywords: text("keywords").array().notNull().default(sql`'{}'::text[]`),
    kind: unitKind("kind").notNull().default("department"),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id),
    parentId: uuid("parent_id").references((): any => units.id),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    ...stamps,
  },
  (t) => [
    uniqueIndex("units_code_key").on(t.code),
    index("units_region_idx").on(t.regionId),
    index("units_parent_idx").on(t.parentId),
    index("units_name_idx").on(t.name),
  ],
);

export const userRole = pgEnum("user_role", ROLES);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    roles: userRole("roles").array().notNull().default(sql`'{}'::user_role[]`),
    locale: text("locale").notNull().default("zh-CN"),
    email: text("email"),
    /** Whether notices also reach the person by e-mail (when an address is set). */
    notifyByEmail: boolean("notify_by_email").notNull().default(true),
    phone: text("phone"),
    title: text("title"),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    active: boolean("active").notNull().default(true),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true, mode: "string" }),
    version: integer("version").notNull().default(1),
    ...stamps,
  },
  (t) => [uniqueIndex("users_username_key").on(t.username), index("users_unit_idx").on(t.unitId)],
);

/** Server-side sessions, so any app server behind a load balancer can answer. The id is the SHA-256 of the cookie token. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "string" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Every sign-in attempt; failures in a window throttle per account and per address across all servers. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    username: text("username").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_username_idx").on(t.username, t.at), index("login_attempts_ip_idx").on(t.ip, t.at)],
);

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp("at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    index("audit_entity_idx").on(t.entityType, t.entityId),
    index("audit_actor_idx").on(t.actorId, t.id),
    index("audit_action_idx").on(t.action, t.id),
    index("audit_at_idx").on(t.at),
  ],
);

export const meetingKind = pgEnum("meeting_kind", MEETING_KINDS);
export const directiveTopic = pgEnum("directive_topic", DIRECTIVE_TOPICS);

/** A meeting that deployed work. It belongs to the unit that registered it, for scope. */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    kind: meetingKind("kind").notNull().default("other"),
    heldOn: date("held_on", { mode: "string" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    organizer: text("organizer"),
    presiders: text("presiders").array().notNull().default(sql`'{}'::text[]`),
    speakers: text("speakers").array().notNull().default(sql`'{}'::text[]`),
    attendees: text("attendees").array().notNull().default(sql`'{}'::text[]`),
    lang: text("lang").notNull().default("zh"),
    sourceText: text("source_text").notNull().default(""),
    sourceFile: text("source_file"),
    /** SHA-256 of the report's words, to recognise a report imported again. */
    sourceHash: text("source_hash"),
    createdBy: uuid("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...stamps,
  },
  (t) => [
    index("meetings_unit_idx").on(t.unitId, t.heldOn),
    index("meetings_held_on_idx").on(t.heldOn, t.id),
    uniqueIndex("meetings_source_hash_key").on(t.sourceHash),
  ],
);

/** A higher-level speech, meeting or document whose spirit a meeting conveyed; may link to that meeting. */
export const studiedItems = pgTable(
  "studied_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    text: text("text").notNull(),
    linkedMeetingId: uuid("linked_meeting_id").references((): any => meetings.id),
  },
  (t) => [index("studied_items_meeting_idx").on(t.meetingId, t.ordinal), index("studied_items_linked_idx").on(t.linkedMeetingId)],
);

export const directives = pgTable(
  "directives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    text: text("text").notNull(),
    topic: directiveTopic("topic").notNull().default("other"),
    /** Where the text stands in the meeting's source text, for highlighting; null when typed in. */
    sourceStart: integer("source_start"),
    sourceEnd: integer("source_end"),
    /** MinHash band keys of the text (src/domain/similar-text.ts), to find the same deployment repeated elsewhere. */
    similarityBands: text("similarity_bands").array().notNull().default(sql`'{}'::text[]`),
    ...stamps,
  },
  (t) => [
    index("directives_meeting_idx").on(t.meetingId, t.ordinal),
    index("directives_topic_idx").on(t.topic),
    index("directives_bands_idx").using("gin", t.similarityBands),
  ],
);

export type MeetingRow = typeof meetings.$inferSelect;
export type StudiedItemRow = typeof studiedItems.$inferSelect;
export type DirectiveRow = typeof directives.$inferSelect;

export type RegionRow = typeof regions.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
