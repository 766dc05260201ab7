/**
 * Hostile content: script and HTML in every text a person types (a task's title, description and
 * responsible leader, a progress report, a bulletin's opening, a meeting and its directives, a
 * notice and its reply, a leader's instruction, a project and its monthly report, an indicator, an
 * evaluation scheme) is shown as text wherever it appears and never runs; the exported Word
 * bulletin and Excel ledger, opened back, hold it as text (no markup, no formula); a file whose
 * bytes carry markup is refused, or served so that the browser does not run it.
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
  let leader: Page;
  let admin: Page;
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
    leader = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    admin = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (const page of [office, reporter, leader, admin]) page.on("dialog", (d) => dialogs.push(d.message()) && d.dismiss());
    for (const [page, who] of [
      [office, "coordinator"],
      [reporter, "reporter"],
      [leader, "leader"],
      [admin, "admin"],
    ] as const) {
      await signIn(page, e.url, who);
      await page.waitForURL(`${e.url}/`);
    }
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

  it("meetings, notices and replies, instructions, projects, indicators and evaluations show it as text", async () => {
    const hostile = `${MARK} ${PAYLOADS.join(" ")}`;
    const me = (await api(reporter, "GET", "/api/auth/session")).json;
    const today = todayIso();
    const seen: [Page, string, string][] = [];

    const meeting = await api(office, "POST", "/api/meetings", {
      title: TITLE,
      kind: "other",
      directives: [{ text: hostile }],
    });
    expect(meeting.status, JSON.stringify(meeting.json)).toBe(201);
    seen.push([office, `/meetings/${meeting.json.id}`, PAYLOADS[1]]);

    const notice = await api(office, "POST", "/api/notices", {
      taskIds: [taskId],
      kind: "urge",
      body: hostile,
      replyBy: addDays(today, 7),
    });
    expect(notice.status, JSON.stringify(notice.json)).toBe(201);
    const noticeId = notice.json.items[0].id;
    const reply = await api(reporter, "POST", `/api/notices/${noticeId}/reply`, { explanation: hostile, plan: FORMULA });
    expect(reply.status, JSON.stringify(reply.json)).toBe(200);
    seen.push([office, `/notices/${noticeId}`, PAYLOADS[0]], [reporter, `/notices/${noticeId}`, FORMULA]);

    const instruction = await api(leader, "POST", "/api/instructions", { subjectType: "task", subjectId: taskId, text: hostile });
    expect(instruction.status, JSON.stringify(instruction.json)).toBe(201);
    seen.push([reporter, `/tasks/${taskId}`, PAYLOADS[2]]);

    const project = await api(office, "POST", "/api/projects", {
      code: "XSS-0001",
      name: TITLE,
      regionId: me.user.regionId,
      leadUnitId: me.user.unitId,
      category: "industrial",
      level: "city",
      totalInvestment: 1000,
    });
    expect(project.status, JSON.stringify(project.json)).toBe(201);
    const month = await api(reporter, "POST", `/api/projects/${project.json.id}/reports`, {
      period: addDays(today, -31).slice(0, 7),
      amount: 10,
      narrative: hostile,
    });
    expect(month.status, JSON.stringify(month.json)).toBe(200);
    seen.push([office, `/projects/${project.json.id}`, PAYLOADS[3]], [office, "/notices", MARK]);

    const indicator = await api(admin, "POST", "/api/indicators", {
      code: "XSS1",
      nameZh: TITLE,
      nameEn: TITLE,
      // A unit of measure takes 20 characters at most: the shortest payload that runs if it is markup.
      measureUnit: "<b onclick=x>亿</b>",
      measureUnitEn: "<i>bn</i>",
      decimals: 2,
      group: "industry",
      periodKind: "monthly",
      accumulation: "cumulative",
      better: "higher",
      additive: true,
      sourceUnitId: me.user.unitId,
      headline: false,
      sortOrder: 1,
      active: true,
    });
    expect(indicator.status, JSON.stringify(indicator.json)).toBe(201);
    seen.push([admin, `/indicators/${indicator.json.id}`, PAYLOADS[1]], [admin, "/indicators", PAYLOADS[1]]);

    const units = (await api(office, "GET", `/api/units?limit=3&regionId=${me.user.regionId}`)).json.items as { id: string }[];
    const scheme = await api(office, "POST", "/api/evaluations", {
      name: TITLE,
      period: "half",
      peerKind: "unit",
      redFlags: 1,
      yellowFlags: 0,
      peers: units.slice(0, 2).map((u) => ({ peerId: u.id, group: PAYLOADS[0] })),
      criteria: [
        {
          name: `${MARK} ${PAYLOADS[1]}`,
          source: "task_on_time_rate",
          weight: 100,
          method: "scaled",
          better: "higher",
          missing: "zero",
        },
      ],
    });
    expect(scheme.status, JSON.stringify(scheme.json)).toBe(201);
    seen.push([office, `/evaluations/${scheme.json.id}`, PAYLOADS[1]], [office, "/evaluations", PAYLOADS[1]]);

    for (const [page, path, text] of seen) {
      await page.goto(`${e.url}${path}`);
      await expect.poll(() => page.locator("main, body").first().textContent(), { message: path }).toContain(text);
      expect(await page.locator("img[src='x'], svg[onload], script:not([src])").count(), path).toBe(0);
      await noScriptRan(page);
    }
    await office.goto(`${e.url}/notices/${noticeId}`);
    await expect.poll(() => office.locator("body").textContent()).toContain(MARK);
    await shot(office, "hostile-content-notice-zh");
  });

  it("a file whose bytes carry markup is refused, or served so that the browser does not run it", async () => {
    const upload = (name: string, bytes: number[]) =>
      reporter.evaluate(
        async ({ name, bytes }) => {
          const session = await (await fetch("/api/auth/session")).json();
          const res = await fetch("/api/attachments", {
            method: "POST",
            headers: {
              "content-type": "application/octet-stream",
              "x-file-name": encodeURIComponent(name),
              "x-csrf-token": session.csrfToken,
            },
            body: new Uint8Array(bytes),
          });
          return { status: res.status, json: await res.json().catch(() => null) };
        },
        { name, bytes },
      );
    const script = Buffer.from(`<html><body><script>window.__xss='file';alert(1)</script></body></html>`);
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss='svg'"><script>alert(1)</script></svg>`,
    );
    for (const [name, bytes] of [
      ["page.html", script],
      ["drawing.svg", svg],
      ["photo.jpg", script],
      ["../../etc/passwd.jpg", svg],
    ] as const) {
      const res = await upload(name, [...bytes]);
      expect(res.status, name).toBe(400);
      expect(res.json.fields[0].field, name).toBe("file");
    }
    // A real JPEG header followed by markup passes the sniffing; served, it stays an image.
    const jpegWithMarkup = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0]), script]);
    const accepted = await upload("site.jpg", [...jpegWithMarkup]);
    expect(accepted.status).toBe(201);
    const served = await reporter.goto(`${e.url}/api/attachments/${accepted.json.id}`);
    expect(served?.headers()["content-type"]).toBe("image/jpeg");
    expect(served?.headers()["x-content-type-options"]).toBe("nosniff");
    expect(served?.headers()["content-security-policy"]).toContain("sandbox");
    expect(await reporter.locator("script").count()).toBe(0);
    expect(await reporter.evaluate(() => (window as { __xss?: string }).__xss ?? null)).toBeNull();
    expect(dialogs).toEqual([]);
  });
});
