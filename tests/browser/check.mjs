// Opens pacte's HTML pages in headless Chromium (Debian's, driven by
// playwright-core) and reports, as JSON on standard output, what a reader
// and a screen reader would meet: axe-core's accessibility violations, any
// request the page makes beyond its own file, scripts, the layout of a
// bilingual pair on a wide and a narrow screen, and a screenshot of each.
//
// Usage: node tests/browser/check.mjs SCREENSHOT_DIR PAGE.html...
// The modules come from NODE_PATH (`bash .ci/test` installs them in
// target/browser/node_modules).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const require = createRequire(path.join(process.env.NODE_PATH ?? ".", "x.js"));
const { chromium } = require("playwright-core");
const axeSource = require("axe-core").source;

const [shots, ...pages] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const report = [];
for (const file of pages) {
  const url = pathToFileURL(path.resolve(file)).href;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => { if (r.url() !== url) requests.push(r.url()); });
  await page.goto(url);
  const name = path.basename(file, ".html");
  await page.screenshot({ path: path.join(shots, `${name}-wide.png`) });
  await page.addScriptTag({ content: axeSource });
  const scan = () => page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  const axe = await scan();
  const facts = await page.evaluate(() => {
    const pair = document.querySelector(".pair");
    const left = pair?.querySelector(".l");
    const right = pair?.querySelector(".r");
    return {
      lang: document.documentElement.lang,
      title: document.title,
      scripts: document.scripts.length - 1, // less axe's own
      h1: document.querySelectorAll("h1").length,
      sections: document.querySelectorAll("main section[aria-labelledby]").length,
      contents: [...document.querySelectorAll("nav.contents a")].map((a) => a.getAttribute("href")),
      targets: [...document.querySelectorAll("nav.contents a")]
        .every((a) => document.getElementById(a.getAttribute("href").slice(1))),
      otherLang: [...document.querySelectorAll("[lang]")].map((e) => e.lang).filter((l, i, all) => all.indexOf(l) === i),
      pairSideBySide: left && right
        ? Math.abs(left.getBoundingClientRect().top - right.getBoundingClientRect().top) < 2
          && right.getBoundingClientRect().left > left.getBoundingClientRect().right
        : null,
      text: document.body.innerText,
    };
  });
  await page.setViewportSize({ width: 390, height: 844 });
  const narrow = await page.evaluate(() => {
    const pair = document.querySelector(".pair");
    const left = pair?.querySelector(".l");
    const right = pair?.querySelector(".r");
    return left && right ? right.getBoundingClientRect().top > left.getBoundingClientRect().bottom : null;
  });
  await page.screenshot({ path: path.join(shots, `${name}-narrow.png`) });
  // On a phone too: what scrolls must be reachable from the keyboard.
  for (const v of await scan()) axe.push({ ...v, id: `${v.id} (390 px)` });
  // Printed: the paper's width, the pair still side by side.
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 816, height: 1056 });
  const print = await page.evaluate(() => {
    const pair = document.querySelector(".pair");
    const style = pair ? getComputedStyle(pair).display : null;
    const breaks = [...document.querySelectorAll(".page-break")]
      .every((e) => getComputedStyle(e).breakAfter === "page");
    return { pairDisplay: style, pageBreaks: breaks };
  });
  report.push({ file, axe, requests, narrowStacked: narrow, print, ...facts });
  await context.close();
}
await browser.close();
process.stdout.write(JSON.stringify(report));
