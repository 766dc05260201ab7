import { eq, or } from "drizzle-orm";
import { units } from "../db/schema.js";
import { userCreate } from "../schemas/users.js";
import { randomPassword } from "../server/auth/password.js";
import { createUser } from "../server/commands/create-user.js";
import { systemContext } from "../server/context.js";
import { translate } from "../server/messages.js";
import { openForCommand } from "./open.js";

/** `luoshi user add`: the same validation and command as the API. */
export async function userAdd(opts: {
  username: string;
  name: string;
  unit: string;
  role: string[];
  password?: string;
  locale: string;
  data?: string;
}) {
  const database = await openForCommand(opts);
  try {
    const isUuid = /^[0-9a-f-]{36}$/i.test(opts.unit);
    const [unit] = await database.db
      .select()
      .from(units)
      .where(isUuid ? or(eq(units.id, opts.unit), eq(units.code, opts.unit)) : eq(units.code, opts.unit))
      .limit(1);
    if (!unit) throw new Error(`no unit with code or id ${opts.unit}`);
    const password = opts.password ?? randomPassword();
    const parsed = userCreate.safeParse({
      username: opts.username,
      displayName: opts.name,
      unitId: unit.id,
      roles: opts.role,
      locale: opts.locale,
      password,
      mustChangePassword: !opts.password,
    });
    if (!parsed.success)
      throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${translate(i.message, "en")}`).join("; "));
    const user = await database.db.transaction((tx) => createUser(systemContext("cli"), parsed.data, tx));
    const note = opts.password ? "" : `; password: ${password} (must be changed at first sign-in)`;
    process.stdout.write(`Added ${user.username} (${user.roles.join(", ")}) to ${unit.name}${note}\n`);
  } finally {
    await database.close();
  }
}
