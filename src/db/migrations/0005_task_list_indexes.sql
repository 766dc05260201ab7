DROP INDEX "tasks_owner_idx";--> statement-breakpoint
CREATE INDEX "tasks_progress_idx" ON "tasks" USING btree ("progress","id");--> statement-breakpoint
CREATE INDEX "tasks_updated_idx" ON "tasks" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "tasks_owner_idx" ON "tasks" USING btree ("owner_unit_id","state");