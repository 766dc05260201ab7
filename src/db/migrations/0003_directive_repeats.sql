ALTER TABLE "directives" ADD COLUMN "similarity_bands" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "directives_bands_idx" ON "directives" USING gin ("similarity_bands");