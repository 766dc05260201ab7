import { count } from "drizzle-orm";
import { randomPassword } from "../server/auth/password.js";
import { createRegion } from "../server/commands/create-region.js";
import { createUnit } from "../server/commands/create-unit.js";
import { createUser } from "../server/commands/create-user.js";
import { systemContext } from "../server/context.js";
import type { Db } from "./connection.js";
import { seedDemoEvaluation } from "./demo-evaluations.js";
import { generateDemoIndicators } from "./demo-indicators.js";
import { DEMO_PASSWORD, DEMO_REGIONS, DEMO_UNITS, DEMO_USERS } from "./demo-jurisdiction.js";
import { importDemoMeetings } from "./demo-meetings.js";
import { generateDemoMap, generateDemoProjectMedia, generateDemoProjects } from "./demo-projects.js";
import { seedDemoSupervision } from "./demo-supervision.js";
import { generateDemoTasks } from "./demo-tasks.js";
import { users } from "./schema.js";

export interface Account {
  username: string;
  password: string;
  roles: string[];
  unit: string;
}

export type BootstrapResult = { kind: "existing" } | { kind: "demo" | "empty"; accounts: Account[]; generatedPassword: boolean };

/**
 * On an empty database: loads the demo jurisdiction, or (demo off) one admin. Through the same
 * commands the API uses, so the demo is audited like any other change. One transaction: a
 * failure leaves the database empty and the next start tries again.
 */
export async function bootstrap(
  db: Db,
  opts: { demo: boolean; adminPassword?: string; filesDir?: string },
): Promise<BootstrapResult> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return { kind: "existing" };
  const ctx = systemContext(opts.demo ? "demo-seed" : "bootstrap");
  const generatedPassword = !opts.adminPassword && !opts.demo;
  const adminPassword = opts.adminPassword ?? (opts.demo ? DEMO_PASSWORD : randomPassword());

  return db.transaction(async (tx) => {
    if (!opts.demo) {
      const province = await createRegion(
        ctx,
        { code: "100000", name: "本级", nameEn: "Top level", level: "province", parentId: null },
        tx,
      );
      const unit = await createUnit(
        ctx,
        {
          code: "ADMIN",
          name: "系统管理",
          nameEn: "System administration",
          shortName: null,
          keywords: [],
          kind: "other",
          regionId: province.id,
          parentId: null,
        },
        tx,
      );
      await createUser(
        ctx,
        {
          username: "admin",
          displayName: "Administrator",
          unitId: unit.id,
          roles: ["admin"],
          locale: "zh-CN",
          password: adminPassword,
          mustChangePassword: generatedPassword,
          email: null,
          phone: null,
          title: null,
        },
        tx,
      );
      return {
        kind: "empty" as const,
        generatedPassword,
        accounts: [{ username: "admin", password: adminPassword, roles: ["admin"], unit: unit.name }],
      };
    }
    const regionIds = new Map<string, string>();
    for (const r of DEMO_REGIONS) {
      const region = await createRegion(
        ctx,
        { code: r.code, name: r.name, nameEn: r.nameEn, level: r.level, parentId: r.parent ? regionIds.get(r.parent)! : null },
        tx,
      );
      regionIds.set(r.code, region.id);
    }
    const unitIds = new Map<string, string>();
    for (const u of DEMO_UNITS) {
      const unit = await createUnit(
        ctx,
        {
          code: u.code,
          name: u.name,
          nameEn: u.nameEn,
          shortName: u.shortName ?? null,
          keywords: u.keywords ?? [],
          kind: u.kind,
          regionId: regionIds.get(u.region)!,
          parentId: u.parent ? unitIds.get(u.parent)! : null,
        },
        tx,
      );
      unitIds.set(u.code, unit.id);
    }
    const accounts: Account[] = [];
    for (const u of DEMO_USERS) {
      const password = u.username === "admin" ? adminPassword : DEMO_PASSWORD;
      await createUser(
        ctx,
        {
          username: u.username,
          displayName: u.displayName,
          unitId: unitIds.get(u.unit)!,
          roles: u.roles,
          locale: "zh-CN",
          password,
          mustChangePassword: false,
          email: null,
          phone: null,
          title: u.title,
        },
        tx,
      );
      accounts.push({ username: u.username, password, roles: u.roles, unit: DEMO_UNITS.find((x) => x.code === u.unit)!.name });
    }
    await importDemoMeetings(ctx, unitIds.get("JX-DCS")!, tx);
    await generateDemoTasks(tx, unitIds.get("JX-DCS")!);
    await generateDemoProjects(tx);
    await generateDemoMap(tx);
    if (opts.filesDir) await generateDemoProjectMedia(tx, opts.filesDir);
    await seedDemoSupervision(tx);
    await generateDemoIndicators(tx);
    await seedDemoEvaluation(tx);
    return { kind: "demo" as const, generatedPassword, accounts };
  });
}
