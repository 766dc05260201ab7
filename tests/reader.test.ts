/** The reader as people use it: `luoshi extract` on real files, and the quality bar on the gold data. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "bin/luoshi.mjs");
const SEEDS = join(ROOT, "../shared/seeds");
const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", timeout: 120_000 });

describe("luoshi extract", { timeout: 120_000 }, () => {
  it("prints the five seed meetings with their dates, presiders and directives", () => {
    const files = [
      "000_607c365b1cbd75a4",
      "001_656eed5168beb8aa",
      "002_76698df1679eb6cb",
      "003_9d62e18ffa0ab910",
      "004_7171547c03d86e4b",
    ].map((f) => join(SEEDS, `${f}.txt`));
    const res = run([BIN, "extract", ...files, "--json"]);
    expect(res.status, res.stderr).toBe(0);
    const meetings = JSON.parse(res.stdout);
    expect(meetings.map((m: { date: string }) => m.date)).toEqual([
      "2022-05-27",
      "2022-07-27",
      "2023-02-01",
      "2023-05-05",
      "2023-02-20",
    ]);
    expect(meetings.map((m: { presiders: string[] }) => m.presiders[0])).toEqual([
      "Yu Huiyou",
      "Zhang Bing",
      "Zhang Jiansheng",
      "Yu Haitian",
      "Lin Aimin",
    ]);
    for (const m of meetings) {
      expect(Object.keys(m)).toEqual([
        "file",
        "lang",
        "title",
        "date",
        "meetingType",
        "organizer",
        "presiders",
        "speakers",
        "attendees",
        "studied",
        "directives",
        "campaigns",
        "regions",
      ]);
      expect(m.directives.length).toBeGreaterThan(5);
    }
    expect(meetings[0].directives[0].text).toMatch(/^It is necessary to study, publicize and implement/);
  });

  it("reads HTML, and refuses empty, binary and fake .docx files with a clear message", () => {
    const dir = mkdtempSync(join(tmpdir(), "luoshi-extract-"));
    writeFileSync(
      join(dir, "report.html"),
      "<html><body><h1>会议召开</h1><p>5月3日，市政府召开常务会议。会议强调，要加快推进项目建设。</p><script>x()</script></body></html>",
    );
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0, 1, 2, 3, 255, 0, 7]));
    writeFileSync(join(dir, "fake.docx"), "this is not a word document");
    writeFileSync(join(dir, "numbers.txt"), "1234 5678 9012 3456 7890 1234 5678");
    const res = run([
      BIN,
      "extract",
      ...["report.html", "empty.txt", "binary.txt", "fake.docx", "numbers.txt"].map((f) => join(dir, f)),
      "--json",
    ]);
    expect(res.status).toBe(1);
    const [html] = JSON.parse(res.stdout);
    expect(html.directives).toEqual([{ text: "要加快推进项目建设" }]);
    expect(res.stderr).toContain("empty.txt: the file is empty");
    expect(res.stderr).toContain("binary.txt: not a text file");
    expect(res.stderr).toContain("fake.docx: not a .docx document");
    expect(res.stderr).toContain("numbers.txt: The report is in neither Chinese nor English");
  });
});

describe("reader quality on the gold data", () => {
  it("npm run reader:eval meets directive F1 ≥ 0.9 in each language", () => {
    const res = run([join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/reader-eval.ts"]);
    expect(res.stdout).toMatch(/^en\s+\d+/m);
    expect(res.stdout).toMatch(/^zh\s+\d+/m);
    expect(res.status, res.stdout).toBe(0);
  }, 120_000);
});
