import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../src/db/demo-jurisdiction.js";
import { configFromEnv } from "../../src/server/config.js";
import { type RunningServer, startServer, WEB_ROOT } from "../../src/server/start.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SHOTS = join(ROOT, "test-results");

/** Whether the browser specs can run; in CI a missing Chromium is a failure, elsewhere a clearly printed skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === "true")
    throw new Error(`Chromium is required in CI but was not found at ${CHROMIUM} (apt-get install chromium)`);
  console.warn(`browser tests skipped: Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH or apt-get install chromium)`);
  return false;
}

export interface E2E {
  server: RunningServer;
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

/** A real server on a fresh data folder with the demo jurisdiction, and a headless Chromium. */
export async function startE2E(): Promise<E2E> {
  if (!existsSync(join(WEB_ROOT, "index.html"))) {
    const { build } = await import("vite");
    await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn" });
  }
  mkdirSync(SHOTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), "luoshi-e2e-"));
  // Background jobs off: a spec that needs a supervision pass runs one itself, at the moment it chooses.
  const server = await startServer(configFromEnv({}, { port: 0, host: "127.0.0.1", dataDir, demo: true, jobs: false }), {
    logger: false,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // Each step waits at most 20 s, so a step that never happens fails with its own message well
  // before the test's 60 s limit (a poll on a missing element would otherwise block for 30 s a try).
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    page.setDefaultTimeout(20_000);
    return page;
  };
  return {
    server,
    browser,
    url: server.url.replace("localhost", "127.0.0.1"),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export async function signIn(page: Page, url: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${url}/login`);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.locator('button[type="submit"]').click();
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/**
 * Confirms the open confirmation dialog and waits until it has closed; if the request behind it
 * failed, the error toast's text is thrown, so a failing run says why.
 */
export async function confirmDialog(page: Page) {
  const dialog = page.locator(".ant-modal-confirm");
  const ok = dialog.locator(".ant-btn-primary");
  await dialog.waitFor();
  // Let the dialog finish opening: on a loaded machine a click during its animation can be lost.
  await page.waitForTimeout(300);
  await ok.click();
  try {
    await dialog.waitFor({ state: "detached", timeout: 10_000 });
  } catch {
    // Still open and not busy: the click went nowhere; once more (a busy button ignores it).
    if ((await dialog.count()) && !(await ok.getAttribute("class"))?.includes("loading")) await ok.click();
    await dialog.waitFor({ state: "detached", timeout: 30_000 });
  }
  const errors = await page.locator(".ant-message-error").allTextContents();
  if (errors.length) throw new Error(`the confirmed step failed: ${errors.join(" | ")}`);
}

/** Chooses an option of a plain select and waits until the field shows it: an option clicked while
 * the list still opens (or another list still closes) can select nothing on a busy machine. */
export async function chooseOption(page: Page, testId: string, label: string) {
  const select = page.locator(`.ant-select:has([data-testid="${testId}"]), .ant-select[data-testid="${testId}"]`).first();
  const shown = () => select.textContent();
  for (let attempt = 0; attempt < 3; attempt++) {
    await expect.poll(() => page.locator(".ant-select-dropdown:visible").count(), { timeout: 5_000 }).toBe(0);
    await select.click();
    const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: label }).first();
    await option.click({ timeout: 5_000 }).catch(() => undefined);
    const taken = await expect
      .poll(shown, { timeout: 3_000 })
      .toContain(label)
      .then(() => true)
      .catch(() => false);
    if (taken) return;
    // Close a list left open by clicking its field (Escape would also close a dialog around it).
    if (await page.locator(".ant-select-dropdown:visible").count()) await select.click();
  }
  throw new Error(`the select ${testId} did not take "${label}"`);
}
