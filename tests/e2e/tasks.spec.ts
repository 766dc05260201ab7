import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, type E2E, SHOTS, shot, signIn, startE2E } from "./harness.js";

/** A tiny real JPEG header and body: enough for the server's content check. */
const PHOTO = join(SHOTS, "site-photo.jpg");

/** antd puts a number box's test id on the input or on its wrapper, by version. */
const numberInput = (page: Page, id: string) =>
  page.locator(`[data-testid="${id}"]`).locator("xpath=descendant-or-self::input").first();

async function pickUnit(page: Page, testId: string, name: string) {
  await page.locator(`[data-testid="${testId}"]`).click();
  await page.keyboard.type(name);
  await page.locator(".ant-select-item-option", { hasText: name }).first().click();
}

describe.runIf(browserAvailable())("tasks from directive to verified", () => {
  let e: E2E;
  let office: Page;
  let lead: Page;
  let taskUrl = "";
  beforeAll(async () => {
    e = await startE2E();
    writeFileSync(PHOTO, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0]), Buffer.alloc(200, 9)]));
    office = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(office, e.url, "coordinator");
    await office.locator('[data-testid="greeting"]').waitFor();
    const leadContext = await e.browser.newContext({ viewport: { width: 1440, height: 900 } });
    lead = await leadContext.newPage();
    await signIn(lead, e.url, "reporter");
    await lead.locator('[data-testid="greeting"]').waitFor();
  });
  afterAll(() => e?.close());

  it("a coordinator decomposes a directive into a task for the Development and Reform Commission", async () => {
    await office.goto(`${e.url}/directives`);
    await office.locator('[data-testid="filter-implemented"]').click();
    await office.locator(".ant-select-item-option", { hasText: "尚未分解" }).click();
    await office.locator('[data-testid="decompose-directive"]').first().click();
    const directive = await office.locator('[data-testid="source-directive"]').textContent();
    expect(directive?.length).toBeGreaterThan(10);
    await office.locator('[data-testid="task-title"]').fill("民营经济发展环境优化专项任务");
    await pickUnit(office, "task-lead", "发展和改革");
    await office.locator('[data-testid="task-target-kind"]').click();
    await office.locator(".ant-select-item-option", { hasText: "数量目标" }).click();
    await numberInput(office, "task-target-value").fill("20");
    await office.locator('[data-testid="task-submit"]').click();
    await office.locator('[data-testid="task-heading"]').waitFor();
    expect(await office.locator('[data-testid="task-heading"]').textContent()).toBe("民营经济发展环境优化专项任务");
    expect(await office.locator('[data-testid="task-state"]').getAttribute("data-state")).toBe("assigned");
    taskUrl = office.url();
    await shot(office, "task-created");
  });

  it("the lead unit finds it in its work, signs for it and reports progress with a photo", async () => {
    await lead.goto(`${e.url}/my-work`);
    await expect.poll(() => lead.locator('[data-testid="my-work-sign"]').textContent()).toContain("民营经济发展环境优化专项任务");
    await lead.goto(taskUrl);
    await lead.locator('[data-testid="step-accept"]').click();
    await lead.locator(".ant-modal-confirm .ant-btn-primary").click();
    await expect.poll(() => lead.locator('[data-testid="task-state"]').getAttribute("data-state")).toBe("accepted");
    await lead.locator('[data-testid="report-narrative"]').fill("已出台支持民营经济发展若干措施，完成8项");
    await numberInput(lead, "report-percent").fill("40");
    await numberInput(lead, "report-measured").fill("8");
    await lead.locator('[data-testid="report-form"] input[type="file"]').setInputFiles(PHOTO);
    await expect.poll(() => lead.locator(".ant-upload-list-item-done").count()).toBe(1);
    await lead.locator('[data-testid="report-submit"]').click();
    await expect.poll(() => lead.locator('[data-testid="report-list"]').textContent()).toContain("完成8项");
    await expect.poll(() => lead.locator('[data-testid="report-attachments"] img').count()).toBe(1);
    await expect.poll(() => lead.locator('[data-testid="task-state"]').getAttribute("data-state")).toBe("in_progress");
    await shot(lead, "task-reported");
  });

  it("the office accepts the report; the lead unit asks to close; the office verifies", async () => {
    await office.reload();
    await office.locator('[data-testid="report-accept"]').click();
    await expect.poll(() => office.locator('[data-testid="report-review"]').first().textContent()).toBe("已通过");
    await lead.reload();
    await lead.locator('[data-testid="step-request_completion"]').click();
    await lead.locator('[data-testid="step-reason"]').fill("20项措施全部出台");
    await lead.locator('[data-testid="step-confirm"]').click();
    await expect.poll(() => lead.locator('[data-testid="task-state"]').getAttribute("data-state")).toBe("completion_requested");
    await office.reload();
    await office.locator('[data-testid="step-verify"]').click();
    await office.locator(".ant-modal-confirm .ant-btn-primary").click();
    await expect.poll(() => office.locator('[data-testid="task-state"]').getAttribute("data-state")).toBe("closed");
    await office.locator(".ant-tabs-tab", { hasText: "办理记录" }).click();
    await expect.poll(() => office.locator('[data-testid="task-history"]').textContent()).toContain("复核办结");
    await shot(office, "task-closed");
  });
});
