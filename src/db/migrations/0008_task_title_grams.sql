-- The distinct pairs of adjacent characters of a text, lower-cased: what title search indexes, since Chinese has no spaces.
CREATE OR REPLACE FUNCTION title_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}'::text[])
  FROM generate_series(1, char_length(t) - 1) AS i
$$;--> statement-breakpoint
CREATE INDEX "tasks_title_grams_idx" ON "tasks" USING gin (title_grams("title"));