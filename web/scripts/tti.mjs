// Time to interactive of the built UI, in Chromium: from navigation start until the graph from
// /v1/graph is drawn and the question box takes input. One fresh browser context per load.
// node scripts/tti.mjs URL LOADS  → prints one JSON line {"loads_ms": [...]}
import { chromium } from "playwright-core";

const [url, loads = "5"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
const times = [];
for (let i = 0; i < Number(loads); i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "commit" });
  await page.locator('[data-stage="ANSWER"]').waitFor({ timeout: 30_000 });
  await page.getByLabel("question", { exact: true }).waitFor();
  times.push(await page.evaluate(() => performance.now()));
  await context.close();
}
await browser.close();
console.log(JSON.stringify({ loads_ms: times }));
