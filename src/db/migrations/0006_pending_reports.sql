ALTER TABLE "tasks" ADD COLUMN "pending_reports" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "tasks_pending_review_idx" ON "tasks" USING btree ("owner_unit_id") WHERE "tasks"."pending_reports" > 0;--> statement-breakpoint
UPDATE "tasks" SET "pending_reports" = (SELECT count(*) FROM "progress_reports" r WHERE r."task_id" = "tasks"."id" AND r."review" = 'pending');