DROP INDEX "progress_reports_task_idx";--> statement-breakpoint
CREATE INDEX "progress_reports_task_idx" ON "progress_reports" USING btree ("task_id","period","submitted_at");