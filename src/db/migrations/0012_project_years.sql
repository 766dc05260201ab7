ALTER TABLE "project_year_plans" ALTER COLUMN "amount" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "project_year_plans" ADD COLUMN "invested" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "project_year_plans_year_idx" ON "project_year_plans" USING btree ("year");--> statement-breakpoint
-- Each year's reported investment, from the monthly reports already in.
INSERT INTO "project_year_plans" ("project_id", "year", "amount", "invested")
SELECT "project_id", substr("period", 1, 4)::int, NULL, sum("amount") FROM "project_reports" GROUP BY 1, 2
ON CONFLICT ("project_id", "year") DO UPDATE SET "invested" = EXCLUDED."invested";
