import { createTemplateDatabase, dropTemplateDatabase } from "../src/db/testing.js";

/** On PostgreSQL, migrate one template database once; each test file then clones it (cheap isolation per file). */
export async function setup() {
  if (process.env.DATABASE_URL) await createTemplateDatabase(process.env.DATABASE_URL);
}

export async function teardown() {
  if (process.env.DATABASE_URL) await dropTemplateDatabase(process.env.DATABASE_URL);
}
