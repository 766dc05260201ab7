import { chromium } from "playwright-core";
const [user, locale, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto("http://127.0.0.1:3100/login");
await page.evaluate((l) => localStorage.setItem("luoshi.locale", l), locale);
await page.goto("http://127.0.0.1:3100/login");
await page.fill("#username", user);
await page.fill("#password", "Luoshi-demo-2026");
await page.click('button[type="submit"]');
await page.waitForURL("http://127.0.0.1:3100/");
for (const p of paths) {
  const [path, name] = p.split("=");
  await page.goto(`http://127.0.0.1:3100${path}`);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: true });
}
await browser.close();
