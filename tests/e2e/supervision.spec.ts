import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import mammoth from "mammoth";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTask } from "../../src/db/factories.js";
import { type TaskRow, units } from "../../src/db/schema.js";
import { addDays } from "../../src/domain/reporting-periods.js";
import { shiftClockForTests, todayIso } from "../../src/server/clock.js";
import { supervisionPass } from "../../src/server/jobs/runner.js";
import { browserAvailable, type E2E, shot, signIn, startE2E } from "./harness.js";

const TITLE = "城东污水处理厂提标改造";

describe.runIf(browserAvailable())("supervision: a task goes overdue, is urged, answered, and bulletined", () => {
  let e: E2E;
  let unit: Page;
  let office: Page;
  let task: TaskRow;
  const realToday = todayIso();
  const outbox = { mail: false, publicUrl: "http://127.0.0.1" };

  beforeAll(async () => {
    e = await startE2E();
    const db = e.server.database.db;
    const [dcs] = await db.select().from(units).where(eq(units.code, "JX-DCS"));
    const [fgw] = await db.select().from(units).where(eq(units.code, "JX-FGW"));
    task = await buildTask(db, {
      title: TITLE,
      ownerUnitId: dcs.id,
      leadUnitId: fgw.id,
      state: "in_progress",
      startOn: addDays(realToday, -40),
      dueOn: addDays(realToday, 2),
      progress: 60,
      lastReportOn: realToday,
    });
    unit = await e.browser.newPage({ viewport: { width: 1366, height: 900 } });
    office = await e.browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  });
  afterAll(async () => {
    shiftClockForTests(0);
    await e?.close();
  });

  it("reminds the lead unit before the deadline, then urges it once the task is late; the unit replies", async () => {
    // Two days before the deadline: a reminder.
    await supervisionPass(e.server.database, outbox);
    // Five days on, the task is three days late: an urge notice.
    shiftClockForTests(5);
    const pass = await supervisionPass(e.server.database, outbox);
    expect(pass?.ladder).toBeGreaterThan(0);

    await signIn(unit, e.url, "reporter");
    await unit.waitForURL(`${e.url}/`);
    await unit.locator('[data-testid="inbox-bell"]').click();
    await unit.waitForURL(`${e.url}/inbox`);
    const items = unit.locator('[data-testid="inbox-item"]', { hasText: TITLE });
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => unit.locator('[data-testid="inbox"]').textContent()).toContain("催办通知");
    expect(await unit.locator('[data-testid="inbox"]').textContent()).toContain("【提醒】");
    await shot(unit, "supervision-inbox-zh");

    await unit.locator('[data-testid="inbox-item"]', { hasText: "催办通知" }).filter({ hasText: TITLE }).first().click();
    await unit.waitForURL(/\/notices\//);
    await expect.poll(() => unit.locator('[data-testid="notice-body"]').textContent()).toContain("逾期 3 天");
    await unit.locator('[data-testid="reply-submit"]').click();
    await expect.poll(() => unit.locator(".ant-form-item-explain-error").count()).toBeGreaterThan(0);
    await unit.locator("#explanation").fill("管网接驳受雨季影响延后");
    await unit.locator("#plan").fill("下周完成管网接驳，月底前通水调试");
    await unit.locator('[data-testid="reply-submit"]').click();
    await expect.poll(() => unit.locator('[data-testid="notice-reply"]').textContent()).toContain("管网接驳受雨季影响延后");
    expect(await unit.locator('[data-testid="notice-state"]').textContent()).toBe("已回复");
    await shot(unit, "supervision-notice-replied-zh");
  });

  it("the office generates a bulletin, publishes it and downloads it as Word; the unit reads it", async () => {
    await signIn(office, e.url, "coordinator");
    await office.waitForURL(`${e.url}/`);
    await office.locator('[data-testid="lang-switch"]').click();
    await office.goto(`${e.url}/supervision`);
    await office.locator('[data-testid="chart-pipeline"] canvas').waitFor();
    await shot(office, "supervision-dashboard-en");

    await office.goto(`${e.url}/bulletins`);
    await office.locator('[data-testid="new-bulletin"]').click();
    await office.locator(".ant-modal .ant-picker-range input").first().waitFor();
    const [from, to] = await office.locator(".ant-modal .ant-picker-range input").all();
    const shiftedToday = todayIso();
    await from.click();
    await from.fill(addDays(shiftedToday, -30));
    await from.press("Enter");
    await to.fill(shiftedToday);
    await to.press("Enter");
    await office.locator('[data-testid="generate-bulletin"]').click();
    await office.waitForURL(/\/bulletins\/[0-9a-f-]+$/);
    const overdue = office.locator('[data-testid="bulletin-overdue"]');
    await expect.poll(() => overdue.textContent()).toContain(TITLE);
    expect(await office.locator('[data-testid="bulletin-state"]').textContent()).toBe("Draft");

    await office.locator('[data-testid="edit-bulletin"]').click();
    await office.locator('[data-testid="bulletin-opening"]').fill("This bulletin reports how key work stood this month.");
    await office.locator('[data-testid="save-bulletin"]').click();
    await expect
      .poll(() => office.locator('[data-testid="bulletin-body"]').textContent())
      .toContain("how key work stood this month");
    await office.locator('[data-testid="publish-bulletin"]').click();
    await office.locator('[data-testid="confirm-publish"]').click();
    await expect.poll(() => office.locator('[data-testid="bulletin-state"]').textContent()).toBe("Published");
    await shot(office, "supervision-bulletin-en");

    const [download] = await Promise.all([
      office.waitForEvent("download"),
      office.locator('[data-testid="download-docx"]').click(),
    ]);
    const path = await download.path();
    const { value: text } = await mammoth.extractRawText({ buffer: readFileSync(path) });
    // The Word file lists what the screen lists.
    const screen = (await office.locator('[data-testid="bulletin-overdue"]').textContent()) ?? "";
    expect(text).toContain("2. Overdue tasks");
    expect(text).toContain(`#${task.number}`);
    expect(text).toContain(TITLE);
    const screenNumbers = [...screen.matchAll(/#(\d+)/g)].map((m) => m[1]);
    for (const n of screenNumbers) expect(text).toContain(`#${n}`);

    // The unit is told, opens it, and the office sees it read.
    await unit.goto(`${e.url}/inbox`);
    await unit.locator('[data-testid="inbox-item"]', { hasText: "发布通报" }).first().click();
    await unit.waitForURL(/\/bulletins\//);
    await unit.locator('[data-testid="bulletin-body"]').waitFor();
    await office.reload();
    const receipts = office.locator('[data-testid="receipts"]');
    await expect.poll(() => receipts.locator("tr", { hasText: "发展和改革委员会" }).textContent()).toContain("王发改");
  });

  it("the office urges the lead units of several tasks at once from the task list", async () => {
    shiftClockForTests(0);
    await office.goto(`${e.url}/tasks`);
    const rows = office.locator('[data-testid="task-table"] tr.ant-table-row');
    await rows.first().waitFor();
    const boxes = office.locator('[data-testid="task-table"] tr.ant-table-row .ant-checkbox:not(.ant-checkbox-disabled)');
    await boxes.nth(0).click({ timeout: 5000 });
    await boxes.nth(1).click({ timeout: 5000 });
    await office.locator('[data-testid="urge-selected"]').click({ timeout: 5000 });
    const body = office.locator('[data-testid="urge-body"]');
    await body.fill("Please report what stands in the way by the reply date.", { timeout: 10_000 });
    // The form holds the text before it is sent (once in CI the request never left, the form not yet taking input).
    await expect.poll(() => body.inputValue()).toBe("Please report what stands in the way by the reply date.");
    // Wait for the answer itself, so a refused request fails here with its reason rather than as a silent timeout.
    const answered = office.waitForResponse((r) => r.url().endsWith("/api/notices") && r.request().method() === "POST", {
      timeout: 15_000,
    });
    await office.locator('[data-testid="urge-submit"]').click({ timeout: 10_000 });
    const response = await answered;
    expect(response.status(), await response.text()).toBe(201);
    const sent = ((await response.json()) as { items: unknown[] }).items.length;
    expect(sent).toBeGreaterThanOrEqual(1);
    await office.getByText(`Notices sent: ${sent}`).waitFor({ timeout: 10_000 });
    await office.goto(`${e.url}/notices`);
    const table = office.locator('[data-testid="notice-table"]');
    await expect.poll(() => table.textContent()).toContain("Please report what stands in the way");
    await shot(office, "supervision-notices-en");
  });
});
