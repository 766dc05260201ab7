CREATE TYPE "public"."directive_topic" AS ENUM('economy', 'investment', 'industry', 'consumption', 'foreign-trade', 'innovation', 'reform', 'safety', 'livelihood', 'environment', 'agriculture', 'party-building', 'other');--> statement-breakpoint
CREATE TYPE "public"."meeting_kind" AS ENUM('standing-committee-expanded', 'party-group-enlarged', 'theory-study-group', 'economic-analysis', 'executive', 'other');--> statement-breakpoint
CREATE TABLE "directives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"text" text NOT NULL,
	"topic" "directive_topic" DEFAULT 'other' NOT NULL,
	"source_start" integer,
	"source_end" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" "meeting_kind" DEFAULT 'other' NOT NULL,
	"held_on" date,
	"unit_id" uuid NOT NULL,
	"organizer" text,
	"presiders" text[] DEFAULT '{}'::text[] NOT NULL,
	"speakers" text[] DEFAULT '{}'::text[] NOT NULL,
	"attendees" text[] DEFAULT '{}'::text[] NOT NULL,
	"lang" text DEFAULT 'zh' NOT NULL,
	"source_text" text DEFAULT '' NOT NULL,
	"source_file" text,
	"source_hash" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studied_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"text" text NOT NULL,
	"linked_meeting_id" uuid
);
--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studied_items" ADD CONSTRAINT "studied_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studied_items" ADD CONSTRAINT "studied_items_linked_meeting_id_meetings_id_fk" FOREIGN KEY ("linked_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directives_meeting_idx" ON "directives" USING btree ("meeting_id","ordinal");--> statement-breakpoint
CREATE INDEX "directives_topic_idx" ON "directives" USING btree ("topic");--> statement-breakpoint
CREATE INDEX "meetings_unit_idx" ON "meetings" USING btree ("unit_id","held_on");--> statement-breakpoint
CREATE INDEX "meetings_held_on_idx" ON "meetings" USING btree ("held_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_source_hash_key" ON "meetings" USING btree ("source_hash");--> statement-breakpoint
CREATE INDEX "studied_items_meeting_idx" ON "studied_items" USING btree ("meeting_id","ordinal");--> statement-breakpoint
CREATE INDEX "studied_items_linked_idx" ON "studied_items" USING btree ("linked_meeting_id");