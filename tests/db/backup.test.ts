import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiKeysRoute from "@/app/api/api-keys/route";
import * as auditRoute from "@/app/api/audit/route";
import * as backupRoute from "@/app/api/backup/route";
import * as setupRoute from "@/app/api/setup/route";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { pgliteBackup } from "@/db/pglite-backup";
import { ensureDefaultChannel } from "@/db/queries/channels";
import { TAR_END, tarHeader } from "@/db/tar";
import { downloadBackup, verifyBackup } from "@/lib/backup/download";
import { restoreBackup } from "@/lib/backup/restore";
import { createWebhookIntake } from "@/lib/webhook/intake";
import { BOT, newEventId } from "../fixtures/webhook-events";
import { useProcessDatabase } from "../helpers/process-db";
import { RouteClient } from "../helpers/route-client";
import { engine } from "../helpers/test-db";
import { TEST_SECRET, webhookRequest } from "../helpers/webhook";

// Backup and restore of the embedded database with real PGlite on disk: the copy is taken by the process
// that holds the database, while LINE's deliveries keep being stored, and restored into a new directory.

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "oa-backup-test-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let seq = 0;
function delivery() {
  const events = Array.from({ length: 1 + (seq % 3) }, () => ({
    type: "message",
    mode: "active",
    timestamp: Date.now(),
    source: { type: "user", userId: `U${(seq % 50).toString(16).padStart(32, "0")}` },
    webhookEventId: newEventId(),
    deliveryContext: { isRedelivery: false },
    replyToken: `rt${++seq}`,
    message: { type: "text", id: String(10 ** 15 + seq), quoteToken: "q", text: `注文 ${seq} ร้านเปิดกี่โมง ${"x".repeat(seq % 200)}` },
  }));
  return { body: JSON.stringify({ destination: BOT, events }), ids: events.map((e) => e.webhookEventId) };
}

function isWalSegmentHeader(chunk: Uint8Array): boolean {
  const header = Buffer.from(chunk);
  return header.length === 512 && header.toString("ascii", 257, 262) === "ustar" && /^pg_wal\/[0-9A-F]{24}\0/.test(header.toString("latin1", 0, 32));
}

async function missingEvents(handle: DatabaseHandle, ids: string[]): Promise<number> {
  const result = await handle.db.execute(sql`
    select count(*)::int as n from json_array_elements_text(${JSON.stringify(ids)}::json) as w(id)
    where not exists (select 1 from events e where e.webhook_event_id = w.id)`);
  return (result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
}

describe("backup of the embedded database", () => {
  it("taken while deliveries are stored, restores to a database that opens and has every event acknowledged before it started (and before it ended)", async () => {
    const live = path.join(dir, "live");
    const handle = await openDatabase({ kind: "pglite", dataDir: live });
    const channelId = await ensureDefaultChannel(handle.db, { lineChannelId: null });
    const intake = createWebhookIntake({
      db: handle.db,
      priorityDb: handle.priorityDb,
      writeConcurrency: 2,
      channel: async () => ({ secret: TEST_SECRET, archived: false }),
    });
    const acknowledged: string[] = [];
    let writing = true;
    // Four senders as LINE sends (acknowledged = answered 200), and a fifth writer changing old rows, so
    // pages the copy reads are being rewritten under it.
    const senders = Array.from({ length: 4 }, async () => {
      while (writing) {
        const d = delivery();
        const res = await intake.handle(webhookRequest(d.body), channelId);
        if (res.status === 200) acknowledged.push(...d.ids);
      }
    });
    const rewriter = (async () => {
      for (let i = 0; writing; i++) {
        await handle.db.execute(
          sql`update webhook_deliveries set user_agent = ${`rewritten ${i}`} where id in (select id from webhook_deliveries order by random() limit 20)`,
        );
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    try {
      while (acknowledged.length < 3000) await new Promise((r) => setTimeout(r, 20));
      const beforeBackup = [...acknowledged];
      const file = path.join(dir, "live.tar");
      // The backup ends (pg_backup_stop) after the last data file and before the first WAL segment goes
      // out: whatever was acknowledged before the chunk that brings that segment was asked for is in it.
      let beforeStop: string[] | undefined;
      const out = fs.createWriteStream(file);
      const chunks = pgliteBackup({ db: handle.db, dataDir: live });
      for (let i = 1; ; i++) {
        // New WAL segments on the way: the backup must carry (and the restore replay) every one of them.
        if (i === 100 || i === 400 || i === 800) await handle.db.execute(sql`select pg_switch_wal()`);
        const acknowledgedSoFar = acknowledged.length;
        const next = await chunks.next();
        if (next.done) break;
        if (!beforeStop && isWalSegmentHeader(next.value)) beforeStop = acknowledged.slice(0, acknowledgedSoFar);
        if (!out.write(next.value)) await new Promise<void>((r) => out.once("drain", () => r()));
      }
      await new Promise<void>((r) => out.end(() => r()));
      // Writes went on while the backup was taken (it does not hold the database).
      expect(beforeStop!.length).toBeGreaterThan(beforeBackup.length);
      writing = false;
      await Promise.all([...senders, rewriter]);

      const manifest = await verifyBackup(file);
      expect(manifest).toMatchObject({ format: 1, kind: "pglite-data-dir", files: expect.any(Number) });

      const restoredDir = path.join(dir, "restored");
      const restored = await restoreBackup({ file, dataDir: restoredDir });
      expect(restored.summary.events).toBeGreaterThanOrEqual(beforeBackup.length);
      expect(restored.summary.migrations).toBeGreaterThan(10);
      expect(fs.existsSync(path.join(restoredDir, "oa-console-backup.json"))).toBe(false);

      // It opens as the console opens it (migrations checked), holds every acknowledged event from before
      // the backup, no event twice, and takes new deliveries.
      const reopened = await openDatabase({ kind: "pglite", dataDir: restoredDir });
      try {
        expect(await missingEvents(reopened, beforeBackup)).toBe(0);
        expect(await missingEvents(reopened, beforeStop!)).toBe(0);
        const duplicates = await reopened.db.execute(
          sql`select count(*)::int as n from (select webhook_event_id from events group by 1 having count(*) > 1) d`,
        );
        expect((duplicates as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(0);
        const more = createWebhookIntake({ db: reopened.db, writeConcurrency: 1, channel: async () => ({ secret: TEST_SECRET, archived: false }) });
        const d = delivery();
        expect((await more.handle(webhookRequest(d.body), channelId)).status).toBe(200);
        await more.close();
        expect(await missingEvents(reopened, d.ids)).toBe(0);
      } finally {
        await reopened.close();
      }
    } finally {
      writing = false;
      await Promise.all([...senders, rewriter]).catch(() => {});
      await intake.close();
      await handle.close();
    }
  }, 120_000);

  it("restores only into a new or empty directory, and keeps nothing of an incomplete or crafted archive", async () => {
    const live = path.join(dir, "small");
    const handle = await openDatabase({ kind: "pglite", dataDir: live });
    const file = path.join(dir, "small.tar");
    try {
      await pipeline(Readable.from(pgliteBackup({ db: handle.db, dataDir: live })), fs.createWriteStream(file));
    } finally {
      await handle.close();
    }

    const occupied = path.join(dir, "occupied");
    fs.mkdirSync(occupied);
    fs.writeFileSync(path.join(occupied, "PG_VERSION"), "17");
    await expect(restoreBackup({ file, dataDir: occupied })).rejects.toThrow(/is not empty/);
    expect(fs.readdirSync(occupied)).toEqual(["PG_VERSION"]);

    // Cut off halfway, as an interrupted download would be.
    const cut = path.join(dir, "cut.tar");
    fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size / 2)));
    await expect(verifyBackup(cut)).rejects.toThrow(/incomplete/);
    const empty = path.join(dir, "empty");
    fs.mkdirSync(empty);
    await expect(restoreBackup({ file: cut, dataDir: empty })).rejects.toThrow(/incomplete/);
    expect(fs.readdirSync(empty)).toEqual([]);
    await expect(restoreBackup({ file: cut, dataDir: path.join(dir, "new") })).rejects.toThrow(/incomplete/);
    expect(fs.existsSync(path.join(dir, "new"))).toBe(false);

    // An entry pointing outside the directory is refused before anything is written there.
    const crafted = path.join(dir, "crafted.tar");
    const evil = Buffer.from("not a database");
    fs.writeFileSync(
      crafted,
      Buffer.concat([
        tarHeader({ name: "../escaped", type: "file", size: evil.length, mode: 0o600, mtime: new Date() }),
        evil,
        Buffer.alloc(512 - evil.length),
        TAR_END,
      ]),
    );
    await expect(restoreBackup({ file: crafted, dataDir: path.join(dir, "crafted") })).rejects.toThrow(/not a path inside the data directory/);
    expect(fs.existsSync(path.join(dir, "escaped"))).toBe(false);

    const good = path.join(dir, "good");
    expect((await restoreBackup({ file, dataDir: good })).summary).toMatchObject({ events: 0, members: 0 });
  }, 60_000);
});

describe("POST /api/backup", () => {
  let cleanup: () => Promise<void>;
  let adminKey: string;
  const admin = new RouteClient("203.0.113.1");
  let operator: RouteClient;

  beforeAll(async () => {
    cleanup = await useProcessDatabase();
    const setup = await admin.call(setupRoute.POST, "POST", "/api/setup", {
      body: { name: "Aiko Admin", email: "aiko@example.com", password: "plum-blossom-42-tea" },
    });
    expect(setup.status).toBe(201);
    adminKey = (await admin.call(apiKeysRoute.POST, "POST", "/api/api-keys", { body: { name: "backups", role: "admin" } })).json.key as string;
    const operatorKey = (await admin.call(apiKeysRoute.POST, "POST", "/api/api-keys", { body: { name: "ci", role: "operator" } })).json.key as string;
    operator = new RouteClient("198.51.100.7", operatorKey);
  });
  afterAll(() => cleanup());

  it("is for admins only", async () => {
    expect((await operator.call(backupRoute.POST, "POST", "/api/backup")).status).toBe(403);
    expect((await new RouteClient().call(backupRoute.POST, "POST", "/api/backup")).status).toBe(401);
  });

  it("streams the embedded database to `npm run admin -- backup`, one at a time, and logs who took it; on PostgreSQL it points to pg_dump", async () => {
    // The route behind a real HTTP server, as `npm start` serves it.
    const server = http.createServer(async (req, res) => {
      const response = await backupRoute.POST(
        new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string> }),
        { params: Promise.resolve({}) },
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) await pipeline(Readable.fromWeb(response.body as never), res);
      else res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const file = path.join(dir, "via-http.tar");
      if (engine() === "postgres") {
        await expect(downloadBackup({ url, apiKey: adminKey, file })).rejects.toThrow(/409 backup_not_embedded: .*pg_dump/);
        expect(fs.existsSync(file)).toBe(false);
        return;
      }
      // A second backup while one is being taken is refused, before anything is sent.
      const first = await new RouteClient("203.0.113.1", adminKey).send(backupRoute.POST, "POST", "/api/backup");
      expect(first.status).toBe(200);
      expect(first.headers.get("content-type")).toBe("application/x-tar");
      const second = await new RouteClient("203.0.113.1", adminKey).call(backupRoute.POST, "POST", "/api/backup");
      expect(second).toMatchObject({ status: 409, json: { code: "backup_in_progress" } });
      await first.body!.cancel();

      const { bytes, manifest } = await downloadBackup({ url, apiKey: adminKey, file });
      expect(bytes).toBeGreaterThan(1024 * 1024);
      expect(manifest.files).toBeGreaterThan(100);
      expect(fs.statSync(file).mode & 0o077).toBe(0);
      const restored = await restoreBackup({ file, dataDir: path.join(dir, "via-http") });
      expect(restored.summary.members).toBe(1);

      const audit = await admin.call(auditRoute.GET, "GET", "/api/audit?action=database.backup_taken");
      expect(audit.json.items).toHaveLength(2);
      expect(audit.json.items[0]).toMatchObject({ actorLabel: "backups" });
    } finally {
      await new Promise((r) => server.close(r));
    }
  }, 60_000);

  it("never sends the key or the database unencrypted off this machine", async () => {
    await expect(downloadBackup({ url: "http://console.example.com", apiKey: adminKey, file: path.join(dir, "x.tar") })).rejects.toThrow(/unencrypted/);
  });
});
