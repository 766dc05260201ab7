ALTER TABLE "projects" ADD COLUMN "office_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_office_unit_id_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Projects already in the library are supervised by the office of whoever registered them.
UPDATE "projects" p SET "office_unit_id" = u."unit_id" FROM "users" u WHERE u."id" = p."created_by" AND p."office_unit_id" IS NULL;
