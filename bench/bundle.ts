// npm run bench:bundle [-- --check] (needs `npx next build`)
//
// The JavaScript each main page makes the browser load on a first visit, measured where it happens: the
// production server (`npm start`) and real Chromium, signed in, with a cold cache. Every script response
// is counted once per page, at its gzip size (what a server or proxy that compresses sends; the raw size
// is reported beside it). Two figures a page: its first load (what it needs to show and hydrate) and
// everything by network idle, with the code Next.js prefetches for the pages it links to. With --check it
// exits 1 when a page is over either budget in bench/bundle-budgets.json: CI runs it so that a page cannot
// grow unnoticed.
import { gzipSync } from "node:zlib";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { startApp } from "./lib/app-server";
import { prepareAuth } from "./lib/auth";
import { freshDatabase } from "./lib/databases";

const { values: opts } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    port: { type: "string", default: "3907" },
    // --scripts: each page's scripts, largest first (to find what to load later); --page /events: one page.
    scripts: { type: "boolean", default: false },
    page: { type: "string", multiple: true },
  },
});

const ALL_PAGES = ["/", "/events", "/deliveries", "/contacts", "/chats", "/messages", "/messages/new", "/segments", "/settings", "/simulator"];
const PAGES = opts.page?.length ? opts.page : ALL_PAGES;
// Per page, in kB gzip: its first load (until hydrated), and everything by network idle (with the
// code Next.js prefetches for the pages linked from it).
const BUDGETS: Record<string, { firstLoad: number; withPrefetch: number }> = JSON.parse(fs.readFileSync("bench/bundle-budgets.json", "utf8"));

async function main() {
  const db = await freshDatabase("pglite", "bundle");
  const auth = await prepareAuth(db.env);
  const app = await startApp({ port: Number(opts.port), env: { ...db.env, ...auth.env, DEMO_MODE: "0" } });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  const rows: Array<{
    page: string;
    scripts: number;
    firstScripts: number;
    firstRawKb: number;
    firstGzipKb: number;
    totalRawKb: number;
    totalGzipKb: number;
    budget: { firstLoad: number; withPrefetch: number } | null;
    over: string[];
  }> = [];
  try {
    const signIn = await browser.newContext({ baseURL: app.url });
    const res = await signIn.request.post("/api/auth/sign-in/email", {
      data: { email: auth.env.ADMIN_EMAIL, password: auth.env.ADMIN_PASSWORD },
      headers: { origin: app.url },
    });
    if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
    const storageState = await signIn.storageState();
    await signIn.close();
    // Each page twice, each time in a new context (nothing cached, as a first visit): once with Next.js's
    // prefetches of the linked pages refused — the page's own first load — and once as it comes, with the
    // code those prefetches pull in during idle time. Refusing them, rather than dating scripts against
    // hydration, keeps the split the same on a slow machine.
    for (const path of PAGES) {
      const own = await visitScripts(browser, { baseURL: app.url, storageState, path, prefetch: false });
      const everything = await visitScripts(browser, { baseURL: app.url, storageState, path, prefetch: true });
      const ownUrls = new Set(own.map((s) => s.url));
      const scripts = everything.map((s) => ({ ...s, first: ownUrls.has(s.url) }));
      for (const s of own) if (!scripts.some((e) => e.url === s.url)) scripts.push({ ...s, first: true });
      if (opts.scripts) {
        console.log(`\n${path}`);
        for (const s of scripts.sort((a, b) => b.gzip - a.gzip))
          console.log(
            `  ${kb(s.gzip).toFixed(1).padStart(6)} kB gzip  ${kb(s.raw).toFixed(0).padStart(5)} kB  ${s.first ? "first load" : "prefetched"}  ${s.name}`,
          );
      }
      const first = scripts.filter((s) => s.first);
      const budget = BUDGETS[path] ?? null;
      const row = {
        page: path,
        scripts: scripts.length,
        firstScripts: first.length,
        firstRawKb: round(kb(sum(first, "raw"))),
        firstGzipKb: round(kb(sum(first, "gzip"))),
        totalRawKb: round(kb(sum(scripts, "raw"))),
        totalGzipKb: round(kb(sum(scripts, "gzip"))),
        budget,
        over: [] as string[],
      };
      if (budget && row.firstGzipKb > budget.firstLoad) row.over.push("first load");
      if (budget && row.totalGzipKb > budget.withPrefetch) row.over.push("with prefetch");
      rows.push(row);
    }
  } finally {
    await browser.close();
    await app.stop();
    await db.drop();
  }
  console.log(`| page | first load: scripts | raw | gzip | budget | with prefetched pages: scripts | gzip | budget |`);
  console.log(`|---|---:|---:|---:|---:|---:|---:|---:|`);
  for (const r of rows)
    console.log(
      `| \`${r.page}\` | ${r.firstScripts} | ${r.firstRawKb} kB | ${r.firstGzipKb} kB${r.over.includes("first load") ? " **over**" : ""} | ${r.budget?.firstLoad ?? "—"} kB | ${r.scripts} | ${r.totalGzipKb} kB${r.over.includes("with prefetch") ? " **over**" : ""} | ${r.budget?.withPrefetch ?? "—"} kB |`,
    );
  fs.mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/bundle-${new Date().toISOString().replaceAll(":", "-")}.json`;
  fs.writeFileSync(file, JSON.stringify(rows, null, 2));
  console.log(`\nwritten to ${file}`);
  const over = rows.filter((r) => r.over.length > 0);
  if (opts.check) {
    console.log(`${rows.length - over.length} passed, ${over.length} failed`);
    if (over.length) process.exitCode = 1;
  }
}

await main();

type Script = { url: string; name: string; raw: number; gzip: number };

/** The scripts one visit to `path` makes the browser load, by network idle. */
async function visitScripts(
  browser: Browser,
  params: { baseURL: string; storageState: Awaited<ReturnType<BrowserContext["storageState"]>>; path: string; prefetch: boolean },
): Promise<Script[]> {
  const context = await browser.newContext({ baseURL: params.baseURL, storageState: params.storageState });
  try {
    if (!params.prefetch) await context.route("**/*", (route) => (route.request().headers()["next-router-prefetch"] ? route.abort() : route.continue()));
    const page = await context.newPage();
    const bodies = new Map<string, Promise<Buffer | null>>();
    page.on("response", (r) => {
      if (r.request().resourceType() === "script" && !bodies.has(r.url()))
        bodies.set(
          r.url(),
          r.body().catch(() => null),
        );
    });
    await page.goto(params.path, { waitUntil: "networkidle" });
    await page.locator("html[data-ready]").waitFor({ state: "attached" });
    const loaded = await Promise.all([...bodies].map(async ([url, body]) => ({ url, body: await body })));
    return loaded.flatMap((s) =>
      s.body ? [{ url: s.url, name: new URL(s.url).pathname.split("/").pop()!, raw: s.body.length, gzip: gzipSync(s.body, { level: 6 }).length }] : [],
    );
  } finally {
    await context.close();
  }
}

function kb(bytes: number) {
  return bytes / 1024;
}

function round(n: number) {
  return Math.round(n * 10) / 10;
}

function sum(list: Array<{ raw: number; gzip: number }>, key: "raw" | "gzip") {
  return list.reduce((n, s) => n + s[key], 0);
}
