import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, confirmDialog, type E2E, shot, signIn, startE2E } from "./harness.js";

/** Opens a node of the region tree by its code, unless it is open already. */
async function expand(page: Page, code: string) {
  const switcher = page
    .locator(".ant-tree-treenode", { has: page.locator(`[data-testid="region-node-${code}"]`) })
    .locator(".ant-tree-switcher");
  await switcher.waitFor();
  await page.waitForLoadState("networkidle");
  if (!(await switcher.getAttribute("class"))?.includes("switcher_open")) await switcher.click();
  await expect.poll(() => switcher.getAttribute("class")).toContain("switcher_open");
}

/** Picks the one option a search left in an open select, once the search has answered. */
async function pick(page: Page, label: string) {
  await expect
    .poll(() => page.locator(".ant-select-dropdown:visible .ant-select-item-option").allTextContents())
    .toEqual([label]);
  const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option");
  // A late search answer can redraw the list under the click, which then selects nothing and
  // leaves the list open: click again until the list closes (it closes with an animation, and a
  // click meant for the form must wait for that).
  for (let attempt = 1; ; attempt++) {
    if ((await option.count()) > 0) await option.click({ timeout: 5_000 }).catch(() => undefined);
    const closed = await expect
      .poll(() => page.locator(".ant-select-dropdown:visible").count(), { timeout: 5_000 })
      .toBe(0)
      .then(() => true)
      .catch(() => false);
    if (closed) return;
    if (attempt === 3) throw new Error(`the option "${label}" was clicked three times and its list stayed open`);
  }
}

describe.runIf(browserAvailable())("admin screens", () => {
  let e: E2E;
  let page: Page;
  beforeAll(async () => {
    e = await startE2E();
    page = await e.browser.newPage({ viewport: { width: 1366, height: 860 } });
    await signIn(page, e.url, "admin");
    await page.locator('[data-testid="greeting"]').waitFor();
  });
  afterAll(() => e?.close());

  it("shows the Jiaxing region tree and adds a township under Tongxiang", async () => {
    await page.goto(`${e.url}/admin/regions`);
    // The tree opens at the admin's own region, Jiaxing, under Zhejiang.
    await page.locator('[data-testid="region-node-330400"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="region-title"]').textContent()).toContain("嘉兴市");
    await expand(page, "330400");
    await page.locator('[data-testid="region-node-330483"]').click();
    await expect.poll(() => page.locator('[data-testid="region-title"]').textContent()).toContain("桐乡市");
    await page.locator('[data-testid="add-child-region"]').click();
    await page.locator('[data-testid="region-code"]').fill("12");
    await page.locator('[data-testid="region-name"]').fill("崇福镇");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    // The server's reason shows on the field, and nothing is created.
    await page.getByText("行政区划代码应为 6 位数字（乡镇为 9 或 12 位）").waitFor();
    await page.locator('[data-testid="region-code"]').fill("330483103");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await expect.poll(() => page.locator('[data-testid="region-title"]').textContent()).toContain("崇福镇");
    expect(await page.locator('[data-testid="region-tree"]').textContent()).toContain("崇福镇");
    await shot(page, "regions-zh");
  });

  it("creates a unit in a region", async () => {
    await page.goto(`${e.url}/admin/units`);
    await page.locator('[data-testid="new-unit"]').click();
    await page.locator('[data-testid="unit-name"]').fill("桐乡市商务局");
    await page.locator('[data-testid="unit-region"]').click();
    await page.keyboard.type("桐乡");
    await pick(page, "桐乡市 (330483)");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.locator(".ant-modal").waitFor({ state: "detached" });
    await page.locator('[data-testid="unit-search"] input').fill("桐乡市商务局");
    await page.locator('[data-testid="unit-search"] input').press("Enter");
    await expect.poll(() => page.locator(".ant-table-tbody").textContent()).toContain("桐乡市商务局");
  });

  it("creates a user, then deactivates them after a confirmation", async () => {
    await page.goto(`${e.url}/admin/users`);
    await page.locator('[data-testid="new-user"]').click();
    await page.locator('[data-testid="user-username"]').fill("shangwu");
    await page.locator('[data-testid="user-displayname"]').fill("孙商务");
    await page.locator('[data-testid="user-unit"]').click();
    await page.keyboard.type("桐乡市商务");
    await pick(page, "桐乡市商务局");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.locator('[data-testid="user-search"] input').fill("shangwu");
    await page.locator('[data-testid="user-search"] input').press("Enter");
    const row = page.locator(".ant-table-row", { hasText: "shangwu" });
    await row.waitFor();
    await row.locator('[data-testid="toggle-active"]').click();
    await page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: /停\s*用/ })
      .click();
    await expect.poll(() => row.textContent()).toContain("已停用");
    await shot(page, "users-zh");
  });

  it("the audit log shows what was done, with before and after", async () => {
    await page.goto(`${e.url}/admin/audit`);
    const table = page.locator(".ant-table-tbody");
    await expect.poll(() => table.textContent()).toContain("user.deactivate");
    const text = await table.textContent();
    for (const action of ["user.create", "unit.create", "region.create"]) expect(text).toContain(action);
    await page.locator(".ant-table-row", { hasText: "user.deactivate" }).locator(".ant-table-row-expand-icon").click();
    const diff = page.locator(".ant-table-expanded-row");
    await expect.poll(() => diff.textContent()).toContain("active");
    expect(await diff.textContent()).toContain("truefalse");
    expect(await diff.textContent()).not.toContain("regionPath");
    await shot(page, "audit-zh");
  });

  it("sets the light rules after a confirmation; the rules read back in words", async () => {
    await page.goto(`${e.url}/admin/light`);
    const behind = page.locator('[data-testid="light-behindPoints"]').locator("xpath=descendant-or-self::input").first();
    await expect.poll(() => behind.inputValue()).toBe("15");
    await behind.fill("10");
    await expect.poll(() => page.locator('[data-testid="light-rules"]').textContent()).toContain("进度落后 10 个百分点以上");
    await page.locator('[data-testid="light-save"]').click();
    await confirmDialog(page);
    await page.locator(".ant-message", { hasText: "已保存" }).waitFor();
    await shot(page, "light-settings-zh");
    await page.reload();
    await expect.poll(() => behind.inputValue()).toBe("10");
  });
});
