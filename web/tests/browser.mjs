// Browser tests: Debian's Chromium, driven by playwright-core, against the real `havoc-agent serve`.
// HAVOC_URL=http://127.0.0.1:PORT node tests/browser.mjs [ARTIFACT_DIR]
// Exits 1 on the first failed check, naming it; screenshots go to ARTIFACT_DIR.
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const base = process.env.HAVOC_URL ?? "http://127.0.0.1:8000";
const out = process.argv[2] ?? "test-results";
mkdirSync(out, { recursive: true });
const STAGES = ["MODE", "GROUND", "PLAN", "EXECUTE", "ARGUE", "ARBITER", "AUDIT", "ANSWER"];
const SLOW = "integrate x^7*exp(x)*sin(x)^9*cos(x)^5 dx";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
const consoleErrors = [];
let failed = false;

async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (err) {
    failed = true;
    console.log(`FAIL ${name}: ${err instanceof Error ? err.message.split("\n").slice(0, 14).join("\n     ") : err}`);
  }
}

function watch(page, expectedErrors) {
  page.on("console", (m) => {
    if (m.type() === "error" && !expectedErrors.some((re) => re.test(m.text()))) consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
}

const lastAnswer = (page) => page.getByTestId("answer").last();

async function ask(page, question) {
  const before = await page.getByTestId("answer").count();
  const box = page.getByLabel("question", { exact: true });
  await box.fill(question);
  await box.press("Enter");
  await page.getByTestId("answer").nth(before).waitFor();
  return page.getByTestId("answer").nth(before);
}

async function allDone(page, timeout = 60_000) {
  await page.waitForFunction((stages) => stages.every((s) =>
    document.querySelector(`[data-stage="${s}"]`)?.getAttribute("data-status") === "done"), STAGES, { timeout });
}

const context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
const page = await context.newPage();
// the bad-request check makes the browser log the 400 it got: that one is expected
watch(page, [/status of 400/]);
await page.goto(base);

await check("graph from /v1/graph: eight stages, all idle", async () => {
  await page.locator('[data-stage="ANSWER"]').waitFor({ timeout: 20_000 });
  const stages = await page.locator("[data-stage]").evaluateAll((els) => els.map((e) => `${e.dataset.stage}:${e.dataset.status}`));
  if (stages.length !== 8 || !stages.every((s) => s.endsWith(":idle"))) throw new Error(`got ${stages}`);
  await page.getByRole("button", { name: "Design a Box-Behnken DOE" }).waitFor();
  await page.screenshot({ path: `${out}/01-empty.png` });
});

await check("Box-Behnken: eight stages done, a 15-run design table, the reading line", async () => {
  const answer = await ask(page, "Design a Box-Behnken DOE");
  await allDone(page);
  await answer.getByTestId("design-table").waitFor({ timeout: 30_000 });
  const runs = await answer.getByTestId("design-table").getAttribute("data-runs");
  if (runs !== "15") throw new Error(`design table has ${runs} runs`);
  const rows = await answer.locator('[data-testid="design-table"] tbody tr').count();
  if (rows !== 15) throw new Error(`${rows} table rows`);
  const text = await answer.innerText();
  if (!/Box.Behnken/i.test(text)) throw new Error("answer does not name the design");
  const bars = await page.getByTestId("waterfall-row").count();
  if (bars < 8) throw new Error(`waterfall has ${bars} rows`);
  await answer.locator(".markdown table").first().waitFor({ timeout: 15_000 }); // markdown loads lazily
  await page.screenshot({ path: `${out}/02-box-behnken.png` });
});

await check("PLAN and EXECUTE open their detail", async () => {
  await page.locator('[data-stage="PLAN"]').click({ timeout: 5000 });
  const plan = page.locator('[data-detail-stage="PLAN"]');
  await plan.waitFor();
  const program = await plan.getByTestId("plan-program").innerText();
  if (!/box_behnken/.test(program) || !/center_points 3/.test(program)) throw new Error(`program: ${program}`);
  await page.locator('[data-stage="EXECUTE"]').click();
  const exec = page.locator('[data-detail-stage="EXECUTE"]');
  await exec.waitFor();
  const t = await exec.innerText();
  if (!/doe_design/.test(t) || !/center_points/.test(t)) throw new Error(`EXECUTE detail: ${t.slice(0, 200)}`);
  await page.screenshot({ path: `${out}/03-execute-detail.png` });
});

await check("edit the plan: a typo is underlined where the parser points, 5 centre points give 17 runs", async () => {
  await lastAnswer(page).getByRole("button", { name: "edit the plan" }).click();
  const editor = page.getByTestId("plan-editor");
  await editor.waitFor();
  const content = editor.locator(".cm-content");
  await content.waitFor();
  const program = await content.innerText();
  await content.fill(program.replace("center_points 3", "centre_points 5"));
  await editor.locator(".cm-lintRange-error").waitFor({ timeout: 15_000 });
  const status = await editor.getByTestId("dsl-status").innerText();
  if (!/line 3/.test(status)) throw new Error(`located error: ${status}`);
  await page.screenshot({ path: `${out}/04-plan-error.png` });
  await content.fill(program.replace("center_points 3", "center_points 5"));
  await page.waitForFunction(() => document.querySelector('[data-testid="dsl-status"]')?.textContent === "program checks", null, { timeout: 15_000 });
  await editor.getByRole("button", { name: "run the edited plan" }).click();
  const answer = page.getByTestId("answer").nth(1);
  await answer.getByTestId("design-table").waitFor({ timeout: 60_000 });
  await allDone(page);
  const runs = await answer.getByTestId("design-table").getAttribute("data-runs");
  if (runs !== "17") throw new Error(`edited plan gave ${runs} runs`);
  await page.locator('[data-stage="PLAN"]').click({ timeout: 5000 });
  const planner = await page.locator('[data-detail-stage="PLAN"]').innerText();
  if (!/user_dsl/.test(planner)) throw new Error("the edited plan was not read as the user's DSL");
  await page.screenshot({ path: `${out}/05-edited-plan.png` });
});

await check("control chart: the API's figure is drawn and the out-of-limits point is flagged", async () => {
  const answer = await ask(page, "individuals chart of 10 10.2 9.9 10.1 10 9.8 10.1 14 10 9.9");
  await allDone(page);
  const img = answer.locator('[data-testid="plot-control_chart"] img');
  await img.waitFor({ timeout: 30_000 });
  await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle(), { timeout: 30_000 });
  const flagged = await answer.getByTestId("flagged-point").allInnerTexts();
  if (!flagged.some((f) => /^point 8\b/.test(f))) throw new Error(`flagged: ${flagged}`);
  await img.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/06-control-chart.png` });
});

await check("stop a run midway: the answer says stopped, later stages never ran", async () => {
  const answer = await ask(page, SLOW);
  await page.waitForFunction(() => document.querySelector('[data-stage="EXECUTE"]')?.getAttribute("data-status") === "running", null, { timeout: 30_000 });
  await page.getByRole("button", { name: "stop the run (Esc)" }).click();
  await page.waitForFunction((el) => el.dataset.status === "cancelled", await answer.elementHandle(), { timeout: 15_000 });
  const answerStage = await page.locator('[data-stage="ANSWER"]').getAttribute("data-status");
  if (answerStage === "done" || answerStage === "running") throw new Error(`ANSWER is ${answerStage} after stop`);
  await page.getByRole("button", { name: "send" }).waitFor();
  await page.screenshot({ path: `${out}/07-stopped.png` });
});

await check("a bad request shows a readable error", async () => {
  const answer = await ask(page, "x".repeat(20_001));
  const err = answer.getByTestId("error");
  await err.waitFor({ timeout: 15_000 });
  const text = await err.innerText();
  if (!/question/.test(text) || /Traceback|\{/.test(text)) throw new Error(`error text: ${text}`);
});

await check("past runs replay from the server when the thread is reopened", async () => {
  await page.getByRole("button", { name: "new chat" }).click();
  await page.getByRole("button", { name: /^open thread: Design a Box-Behnken DOE/ }).click();
  await page.getByTestId("design-table").first().waitFor({ timeout: 15_000 });
  await allDone(page, 10_000);
});

await check("dark theme at phone width, every button named", async () => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });
  const p = await phone.newPage();
  watch(p, []);
  await p.goto(base);
  await p.locator('[data-stage="ANSWER"]').waitFor({ timeout: 20_000 });
  const theme = await p.evaluate(() => document.documentElement.dataset.theme);
  if (theme !== "dark") throw new Error(`theme ${theme}`);
  const answer = await ask(p, "Design a Box-Behnken DOE");
  await answer.getByTestId("design-table").waitFor({ timeout: 60_000 });
  await answer.locator(".markdown table").first().waitFor({ timeout: 15_000 });
  const wide = await p.evaluate(() => document.documentElement.scrollWidth);
  if (wide > 400) throw new Error(`page is ${wide} px wide at a 390 px viewport`);
  const unnamed = await p.locator("button, textarea, select, input").evaluateAll((els) =>
    els.filter((e) => !(e.getAttribute("aria-label") || e.textContent?.trim() || e.labels?.length)).map((e) => e.outerHTML.slice(0, 80)));
  if (unnamed.length) throw new Error(`controls without a name: ${unnamed.join(", ")}`);
  await p.screenshot({ path: `${out}/08-phone-dark.png`, fullPage: true });
  await phone.close();
});

await check("no console errors", async () => {
  if (consoleErrors.length) throw new Error(consoleErrors.join("\n"));
});

await browser.close();
process.exit(failed ? 1 : 0);
