import { existsSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { backupTo, restoreFrom } from "../db/backup.js";
import { writeAudit } from "../server/audit.js";
import { systemContext } from "../server/context.js";
import { openForCommand } from "./open.js";

export async function backupCommand(file: string, opts: { data?: string }) {
  const database = await openForCommand(opts);
  try {
    const counts = await backupTo(database, file);
    process.stdout.write(
      `Backed up to ${file}: ${Object.entries(counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(", ")}\n`,
    );
  } finally {
    await database.close();
  }
}

export async function restoreCommand(file: string, opts: { data?: string; yes?: boolean }) {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  if (!opts.yes) {
    if (!process.stdin.isTTY) throw new Error("restore replaces every record; pass --yes to confirm");
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question("Restore replaces every record in the database with the backup's. Type 'yes' to go on: ");
    rl.close();
    if (answer.trim().toLowerCase() !== "yes") throw new Error("restore cancelled; nothing changed");
  }
  const database = await openForCommand(opts);
  try {
    const counts = await restoreFrom(database, file);
    await writeAudit(database.db, systemContext("cli"), {
      action: "system.restore",
      entityType: "system",
      after: { file, counts },
    });
    process.stdout.write(
      `Restored ${file}: ${Object.entries(counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(", ")}\n`,
    );
  } finally {
    await database.close();
  }
}
