// npm run bench:bundle [-- --check] (needs `npx next build`)
//
// The JavaScript each main page makes the browser load on a first visit, measured where it happens: the
// production server (`npm start`) and real Chromium, signed in, with a cold cache. Every script response
// is counted once per page, at its gzip size (what a server or proxy that compresses sends; the raw size
// is reported beside it). With --check it exits 1 when a page is over its budget in bench/bundle-budgets.json:
// CI runs it so that a page cannot grow unnoticed.
import { gzipSync } from "node:zlib";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { startApp } from "./lib/app-server";
import { prepareAuth } from "./lib/auth";
import { freshDatabase } from "./lib/databases";

const { values: opts } = parseArgs({ options: { check: { type: "boolean", default: false }, port: { type: "string", default: "3907" } } });

const PAGES = ["/", "/events", "/deliveries", "/contacts", "/chats", "/messages", "/messages/new", "/segments", "/settings", "/simulator"];
const BUDGETS: Record<string, number> = JSON.parse(fs.readFileSync("bench/bundle-budgets.json", "utf8"));

async function main() {
  const db = await freshDatabase("pglite", "bundle");
  const auth = await prepareAuth(db.env);
  const app = await startApp({ port: Number(opts.port), env: { ...db.env, ...auth.env, DEMO_MODE: "0" } });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  const rows: Array<{ page: string; scripts: number; rawKb: number; gzipKb: number; budgetKb: number | null; over: boolean }> = [];
  try {
    const signIn = await browser.newContext({ baseURL: app.url });
    const res = await signIn.request.post("/api/auth/sign-in/email", {
      data: { email: auth.env.ADMIN_EMAIL, password: auth.env.ADMIN_PASSWORD },
      headers: { origin: app.url },
    });
    if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
    const storageState = await signIn.storageState();
    await signIn.close();
    for (const path of PAGES) {
      // A new context per page: nothing cached from the page before, as a first visit.
      const context = await browser.newContext({ baseURL: app.url, storageState });
      const page = await context.newPage();
      const bodies = new Map<string, Promise<Buffer | null>>();
      page.on("response", (r) => {
        if (r.request().resourceType() === "script" && !bodies.has(r.url()))
          bodies.set(
            r.url(),
            r.body().catch(() => null),
          );
      });
      await page.goto(path, { waitUntil: "networkidle" });
      await page.locator("html[data-ready]").waitFor({ state: "attached" });
      const all = (await Promise.all(bodies.values())).filter((b): b is Buffer => b !== null);
      const raw = all.reduce((n, b) => n + b.length, 0);
      const gzip = all.reduce((n, b) => n + gzipSync(b, { level: 6 }).length, 0);
      const budgetKb = BUDGETS[path] ?? null;
      const gzipKb = Math.round(gzip / 102.4) / 10;
      rows.push({ page: path, scripts: all.length, rawKb: Math.round(raw / 1024), gzipKb, budgetKb, over: budgetKb !== null && gzipKb > budgetKb });
      await context.close();
    }
  } finally {
    await browser.close();
    await app.stop();
    await db.drop();
  }
  console.log(`| page | scripts | JS raw | JS gzip | budget |`);
  console.log(`|---|---:|---:|---:|---:|`);
  for (const r of rows) console.log(`| \`${r.page}\` | ${r.scripts} | ${r.rawKb} kB | ${r.gzipKb} kB | ${r.budgetKb ?? "—"} kB${r.over ? " **over**" : ""} |`);
  fs.mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/bundle-${new Date().toISOString().replaceAll(":", "-")}.json`;
  fs.writeFileSync(file, JSON.stringify(rows, null, 2));
  console.log(`\nwritten to ${file}`);
  const over = rows.filter((r) => r.over);
  if (opts.check) {
    console.log(`${rows.length - over.length} passed, ${over.length} failed`);
    if (over.length) process.exitCode = 1;
  }
}

await main();
