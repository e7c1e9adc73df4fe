// `npm run bench:lighthouse`: Lighthouse (mobile profile: an emulated mid-range phone on a slow
// 4G connection, simulated throttling) on the participant portal's start, plan and booking
// pages, the courses (a page with a picture) and Tyck till, and the sign-in page, in Debian's
// Chromium. Prints the scores and the page weights;
// asserts nothing (issue 9 asks for accessibility 100 and performance ≥ 90 — read them here).
// Needs the web build (`npx react-router build`) and /usr/bin/chromium.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import { eq, sql } from "drizzle-orm";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";
import { seedDemo } from "../src/demo/seed-demo.ts";
import { users } from "../src/people/schema.ts";
import { readConfig } from "../src/platform/config.ts";
import { openDatabase } from "../src/platform/database/connect.ts";
import { serveInstance } from "../src/server/serve.ts";
import { createSession, SESSION_COOKIE } from "../src/sign-in/sessions.ts";

const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const LOCALES = (process.env.LIGHTHOUSE_LOCALES ?? "sv,ar").split(",");

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samspar-lighthouse-"));
process.env.SAMSPAR_DATA_DIR = dataDir;
const config = {
  ...readConfig({ SAMSPAR_DATA_DIR: dataDir, SAMSPAR_JOBS: "0" }),
  baseUrl: "http://localhost",
};
const database = await openDatabase(config, { role: "server" });
await seedDemo(database.db);

// The demo's participant (deltagare@), who has a portal account with a plan and bookings.
const [account] = await database.db
  .select({ user_id: users.id })
  .from(users)
  .where(eq(users.email, "deltagare@demo.samspar.se"));
if (!account) throw new Error("the demo has no participant deltagare@demo.samspar.se");
const token = await createSession(database.db, {
  userId: account.user_id,
  method: "code",
  secondFactorPending: false,
});

// the session as a browser would hold it: checked once here, so a failure says why
const probe = async () => {
  const res = await fetch(`${base}/portal`, {
    headers: { Cookie: `${SESSION_COOKIE}=${token}` },
    redirect: "manual",
  });
  return `${res.status} ${res.headers.get("location") ?? ""}`;
};
const server = await serveInstance({ ...config, port: 0, host: "127.0.0.1" }, database, {
  log: () => {},
});
const base = `http://127.0.0.1:${server.port}`;
console.log(`session probe: ${await probe()}`);
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});
// Cookies go into the browser's own jar (as after signing in): a Cookie request header would be
// overridden by the jar once the server has set its CSRF cookie.
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });

// the demo course (issue 10): its first chapter's picture page, the heaviest a participant reads
const [picture] = (
  await database.db.execute<{ course: string; chapter: string; page: number }>(
    sql`select c.id as course, k.id as chapter, (
          select count(*) from course_pages q
           where q.chapter_id = k.id and q.position <= p.position)::int as page
        from courses c join course_chapters k on k.course_id = c.id
        join course_pages p on p.chapter_id = k.id and p.kind = 'bild'
       where exists (select 1 from course_versions v where v.course_id = c.id)
       order by k.position, p.position limit 1`,
  )
).rows;
if (!picture) throw new Error("the demo has no published course with a picture");

const PAGES = [
  { name: "Start", path: "/portal", signedIn: true },
  { name: "Min plan", path: "/portal/plan", signedIn: true },
  { name: "Boka", path: "/portal/boka", signedIn: true },
  { name: "Kurser", path: "/portal/kurser", signedIn: true },
  {
    name: "Kurssida med bild",
    path: `/portal/kurser/${picture.course}/${picture.chapter}/${picture.page}`,
    signedIn: true,
  },
  { name: "Tyck till", path: "/portal/tyck-till", signedIn: true },
  { name: "Logga in", path: "/portal/logga-in", signedIn: false },
];

const lighthouseVersion = JSON.parse(
  fs.readFileSync(new URL("../node_modules/lighthouse/package.json", import.meta.url), "utf8"),
).version;
console.log(`Lighthouse ${lighthouseVersion} (mobile profile), ${CHROMIUM}`);
console.log(
  "sida | språk | tillgänglighet | prestanda | FCP | LCP | TBT | CLS | överfört | JavaScript",
);
try {
  for (const locale of LOCALES) {
    for (const page of PAGES) {
      const tab = await browser.newPage();
      await tab.deleteCookie(...(await tab.cookies(base)));
      const cookies = [{ name: "samspar_portal_sprak", value: locale }];
      if (page.signedIn) cookies.push({ name: SESSION_COOKIE, value: token });
      await tab.setCookie(...cookies.map((c) => ({ ...c, url: base, path: "/", secure: true })));
      const result = await lighthouse(
        base + page.path,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["accessibility", "performance"],
          disableStorageReset: true,
        },
        undefined,
        tab,
      );
      await tab.close();
      if (!result) throw new Error(`no result for ${page.path}`);
      if (process.env.LIGHTHOUSE_DEBUG) console.log(`after ${page.path}: ${await probe()}`);
      const lhr = result.lhr;
      if (lhr.finalDisplayedUrl && !lhr.finalDisplayedUrl.endsWith(page.path))
        throw new Error(`${page.path} redirected to ${lhr.finalDisplayedUrl}`);
      const audit = (id: string) => lhr.audits[id];
      // a category Lighthouse could not score (a trace it could not read on a loaded machine,
      // say) is shown as "–" with its reason, never as 0
      const score = (id: string) => {
        const value = lhr.categories[id]?.score;
        return value === null || value === undefined ? "–" : String(Math.round(value * 100));
      };
      const unscored =
        lhr.categories.performance?.score === null ||
        lhr.categories.performance?.score === undefined
          ? (lhr.runtimeError?.message ??
            audit("first-contentful-paint")?.errorMessage ??
            "okänt skäl")
          : null;
      const items =
        (
          audit("network-requests")?.details as
            | { items?: { resourceType?: string; transferSize?: number }[] }
            | undefined
        )?.items ?? [];
      const total = items.reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
      const js = items
        .filter((item) => item.resourceType === "Script")
        .reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
      const failed = Object.values(lhr.audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 1 &&
            lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id),
        )
        .map((a) => a.id);
      console.log(
        [
          page.name,
          locale,
          score("accessibility"),
          score("performance"),
          audit("first-contentful-paint")?.displayValue,
          audit("largest-contentful-paint")?.displayValue,
          audit("total-blocking-time")?.displayValue,
          audit("cumulative-layout-shift")?.displayValue,
          `${(total / 1024).toFixed(1)} KB`,
          `${(js / 1024).toFixed(1)} KB`,
        ].join(" | ") +
          (failed.length ? `  (tillgänglighet: ${failed.join(", ")})` : "") +
          (unscored ? `  (prestanda inte mätt: ${unscored})` : ""),
      );
    }
  }
} finally {
  await browser.disconnect();
  chrome.kill();
  await server.stop();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
