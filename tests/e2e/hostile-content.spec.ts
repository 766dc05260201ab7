/**
 * Hostile content: script and HTML in every text a person types (a task's title, description and
 * responsible leader, a progress report, a bulletin's opening) is shown as text wherever it
 * appears — the task list, the task page, "my work", the bulletin — and never runs; the exported
 * Word bulletin and Excel ledger, opened back, hold it as text (no markup, no formula).
 */
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/reporting-periods.js";
import { todayIso } from "../../src/server/clock.js";
import { browserAvailable, type E2E, shot, signIn, startE2E } from "./harness.js";

/** Each sets window.__xss (or opens a dialog) if it ever runs. */
const PAYLOADS = [
  `<img src=x onerror="window.__xss='img'">`,
  `<script>window.__xss='script'</script>`,
  `"><svg onload="window.__xss='svg'">`,
  `javascript:window.__xss='link'`,
];
const MARK = "XSS探针";
const TITLE = `${MARK} ${PAYLOADS[0]} ${PAYLOADS[1]}`;
const FORMULA = `=HYPERLINK("http://evil.example","${MARK}")`;

/** Calls the API from inside the page, as the web app does (session cookie, CSRF token). */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch("/api/auth/session")).json();
      const res = await fetch(path, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

async function download(page: Page, path: string): Promise<Buffer> {
  const bytes = await page.evaluate(async (p) => Array.from(new Uint8Array(await (await fetch(p)).arrayBuffer())), path);
  return Buffer.from(bytes);
}

describe.runIf(browserAvailable())("hostile content is shown as text and never runs", () => {
  let e: E2E;
  let office: Page;
  let reporter: Page;
  const dialogs: string[] = [];
  let taskId = "";
  let reportedTaskId = "";

  const noScriptRan = async (page: Page) => {
    expect(await page.evaluate(() => (window as { __xss?: string }).__xss ?? null)).toBeNull();
    expect(dialogs).toEqual([]);
  };

  beforeAll(async () => {
    e = await startE2E();
    office = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    reporter = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (const page of [office, reporter]) page.on("dialog", (d) => dialogs.push(d.message()) && d.dismiss());
    await signIn(office, e.url, "coordinator");
    await office.waitForURL(`${e.url}/`);
    await signIn(reporter, e.url, "reporter");
    await reporter.waitForURL(`${e.url}/`);
  });
  afterAll(async () => {
    await e?.close();
  });

  it("the office and a reporter type script into a task, a report and a bulletin; the API keeps it as typed", async () => {
    const me = (await api(reporter, "GET", "/api/auth/session")).json;
    const open = (await api(reporter, "GET", `/api/tasks?leadUnitId=${me.user.unitId}&open=true&limit=50`)).json;
    const running = open.items.find((t: { state: string }) => t.state === "in_progress" || t.state === "accepted");
    expect(running).toBeTruthy();
    reportedTaskId = running.id;
    const report = await api(reporter, "POST", `/api/tasks/${reportedTaskId}/reports`, {
      narrative: `${MARK} ${PAYLOADS.join(" ")}`,
      percent: 50,
    });
    expect(report.status).toBe(201);

    const today = todayIso();
    const created = await api(office, "POST", "/api/tasks", {
      title: TITLE,
      description: PAYLOADS.join("\n"),
      leadUnitId: me.user.unitId,
      responsibleLeader: FORMULA,
      startOn: addDays(today, -30),
      dueOn: addDays(today, -1),
      assign: true,
    });
    expect(created.status).toBe(201);
    taskId = created.json.id;
    expect(created.json.title).toBe(TITLE);

    const bulletin = await api(office, "POST", "/api/bulletins", { periodFrom: addDays(today, -30), periodTo: today });
    expect(bulletin.status).toBe(201);
    const edited = await api(office, "PATCH", `/api/bulletins/${bulletin.json.id}`, {
      version: bulletin.json.version,
      opening: `${MARK} ${PAYLOADS.join(" ")}`,
    });
    expect(edited.status).toBe(200);
    await office.goto(`${e.url}/bulletins/${bulletin.json.id}`);
    await expect.poll(() => office.locator('[data-testid="bulletin-body"]').textContent()).toContain(PAYLOADS[1]);
    await noScriptRan(office);
    const docx = await download(office, `/api/bulletins/${bulletin.json.id}/docx`);
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
  });

  it("the task list, the task page and my work show it as text", async () => {
    await office.goto(`${e.url}/tasks?q=${encodeURIComponent(MARK)}`);
    await expect.poll(() => office.locator("body").textContent()).toContain(PAYLOADS[1]);
    await noScriptRan(office);

    await office.goto(`${e.url}/tasks/${taskId}`);
    await expect.poll(() => office.locator('[data-testid="task-heading"]').textContent()).toBe(TITLE);
    expect(await office.locator("body").textContent()).toContain(FORMULA);
    // The markup is text: no element of the payload made it into the page.
    expect(await office.locator("img[src='x'], svg[onload]").count()).toBe(0);
    await noScriptRan(office);
    await shot(office, "hostile-content-task-zh");

    await office.goto(`${e.url}/tasks/${reportedTaskId}`);
    await expect.poll(() => office.locator('[data-testid="report-list"]').textContent()).toContain(PAYLOADS[0]);
    await noScriptRan(office);

    await reporter.goto(`${e.url}/my-work`);
    await expect.poll(() => reporter.locator("body").textContent()).toContain(MARK);
    await noScriptRan(reporter);
  });

  it("the exported ledger holds a formula typed as a leader's name as text, not as a formula", async () => {
    const xlsx = await download(office, `/api/tasks/ledger?q=${encodeURIComponent(MARK)}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((cell) => void cells.push(cell)));
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    const title = cells.find((c) => String(c.value).includes(MARK) && String(c.value).includes("<script>"));
    expect(title?.value).toBe(TITLE);
    // Escaped the way spreadsheets expect: a leading apostrophe makes it text, shown without it.
    const leader = cells.find((c) => String(c.value).includes("HYPERLINK"));
    expect(leader?.type).toBe(ExcelJS.ValueType.String);
    expect(leader?.value).toBe(`'${FORMULA}`);
  });
});
