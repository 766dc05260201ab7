DROP INDEX "tasks_owner_idx";--> statement-breakpoint
DROP INDEX "tasks_pending_review_idx";--> statement-breakpoint
CREATE INDEX "tasks_owner_idx" ON "tasks" USING btree ("owner_unit_id","state",(case "light" when 'red' then 0 when 'yellow' then 1 else 2 end),"due_on","number");--> statement-breakpoint
CREATE INDEX "tasks_pending_review_idx" ON "tasks" USING btree ("owner_unit_id",(case "light" when 'red' then 0 when 'yellow' then 1 else 2 end),"due_on","number") WHERE "tasks"."pending_reports" > 0;