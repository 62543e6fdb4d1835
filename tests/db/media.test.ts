import fs from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueueJobs, getJob } from "@/db/queries/jobs";
import { getMedia } from "@/db/queries/media";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import { MEDIA_JOB } from "@/lib/media/jobs";
import { MEDIA_CHUNK_BYTES } from "@/lib/media/media-store";
import { mediaResponse, parseRange } from "@/lib/media/serve-media";
import { act, control, fakeHandlers, projectAll, runJobs } from "../helpers/contacts";
import { createTestDatabase, resetTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let fake: FakeLine;
let friend: string;
const db = () => t.handle.db;

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeLine({ port: 0, friends: 50, contentPreparingMs: 700 });
  friend = (await control<{ users: Array<{ userId: string }> }>(fake, "GET", "/__fake/friends?status=following&limit=1")).users[0]!.userId;
});
afterAll(async () => {
  await fake.close();
  await t.close();
});
beforeEach(async () => {
  await resetTestDatabase(t);
  await control(fake, "DELETE", "/__fake/requests");
});

const requests = async (path: string) =>
  (await control<{ requests: Array<{ status: number }> }>(fake, "GET", `/__fake/requests?path=${encodeURIComponent(path)}&limit=1000`)).requests;
const messageIdOf = (events: Array<Record<string, unknown>>) => (events[0]!.message as { id: string }).id;
const serve = (messageId: string, variant: "original" | "preview" = "original", headers: Record<string, string> = {}) =>
  mediaResponse(new Request(`http://console.test/api/media/${messageId}`, { headers }), db(), { channelId: t.channelId, messageId, variant });

async function send(spec: Record<string, unknown>) {
  const events = await act(fake, db(), t.channelId, `/__fake/friends/${friend}/messages`, spec);
  await projectAll(db());
  return messageIdOf(events);
}

describe("media from friends", () => {
  it("answers 'not yet' for a picture the projection has not reached, and 'not found' once it has read everything", async () => {
    const events = await act(fake, db(), t.channelId, `/__fake/friends/${friend}/messages`, { type: "image" });
    const id = messageIdOf(events);
    // Stored, but no media row yet: the browser should keep waiting, not show "not found".
    const early = await serve(id, "preview");
    expect(early.status).toBe(202);
    expect(await early.json()).toMatchObject({ code: "media_pending" });
    await projectAll(db());
    expect((await serve("999999999999999999")).status).toBe(404);
  });

  it("fetches an image once, keeps it with a preview and serves it", async () => {
    const id = await send({ type: "image" });
    expect(await getMedia(db(), { channelId: t.channelId, messageId: id })).toMatchObject({ status: "pending", messageType: "image", userId: friend });
    await runJobs(db(), fakeHandlers(fake));
    // Queuing the same message again (a replayed projection) is a no-op: LINE is asked once.
    await enqueueJobs(db(), {
      kind: MEDIA_JOB,
      jobs: [{ key: `${t.channelId}:${id}`, payload: { channelId: t.channelId, messageId: id, messageType: "image" } }],
    });
    await runJobs(db(), fakeHandlers(fake));
    expect(await requests(`/v2/bot/message/${id}/content`)).toHaveLength(1);
    expect(await requests(`/v2/bot/message/${id}/content/preview`)).toHaveLength(1);

    const row = await getMedia(db(), { channelId: t.channelId, messageId: id });
    expect(row).toMatchObject({ status: "ready", storage: "database", contentType: "image/png", previewContentType: "image/png" });
    const res = await serve(id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(res.headers.get("content-disposition")).toMatch(/^inline; /);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBe(row!.size);
    expect([...bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]); // "PNG"
    const preview = await serve(id, "preview");
    expect((await preview.arrayBuffer()).byteLength).toBe(row!.previewSize);
    expect(preview.status).toBe(200);
  });

  it("waits for the next rate window for a preview instead of going without one", async () => {
    const id = await send({ type: "image" });
    // One content request a second: the original takes the window, the preview needs the next.
    await runJobs(db(), fakeHandlers(fake, { rates: { content: { limit: 1, windowMs: 1000 } } }));
    expect(await requests(`/v2/bot/message/${id}/content/preview`)).toHaveLength(1);
    expect(await getMedia(db(), { channelId: t.channelId, messageId: id })).toMatchObject({ status: "ready", previewContentType: "image/png" });
  });

  it("asks again after 202 (still preparing) without counting an attempt, then serves ranges", async () => {
    const id = await send({ type: "audio", durationMs: 8000 });
    await runJobs(db(), fakeHandlers(fake));
    const attempts = await requests(`/v2/bot/message/${id}/content`);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts[0]!.status).toBe(202);
    expect(attempts.at(-1)!.status).toBe(200);
    expect(await getJob(db(), { kind: MEDIA_JOB, key: `${t.channelId}:${id}` })).toMatchObject({ attempts: 1, failedAt: null });
    const row = await getMedia(db(), { channelId: t.channelId, messageId: id });
    expect(row).toMatchObject({ status: "ready", contentType: "audio/wav" });

    const whole = new Uint8Array(await (await serve(id)).arrayBuffer());
    const partial = await serve(id, "original", { range: "bytes=100-299" });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 100-299/${row!.size}`);
    expect(new Uint8Array(await partial.arrayBuffer())).toEqual(whole.subarray(100, 300));
    expect((await serve(id, "original", { range: `bytes=${row!.size}-` })).status).toBe(416);
  });

  it("records 410 (unsent before it was fetched) as gone, and serves that answer", async () => {
    const id = await send({ type: "image" });
    await act(fake, db(), t.channelId, `/__fake/friends/${friend}/unsend`, { messageId: id });
    await runJobs(db(), fakeHandlers(fake));
    expect(await getMedia(db(), { channelId: t.channelId, messageId: id })).toMatchObject({ status: "gone" });
    expect(await getJob(db(), { kind: MEDIA_JOB, key: `${t.channelId}:${id}` })).toMatchObject({ attempts: 1, failedAt: null });
    expect(await requests(`/v2/bot/message/${id}/content`)).toHaveLength(1);
    const res = await serve(id);
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({ code: "media_gone" });
  });

  it("keeps nothing of content over the size cap", async () => {
    const id = await send({ type: "image" });
    await runJobs(db(), fakeHandlers(fake, { storage: { maxBytes: 1024 } }));
    expect(await getMedia(db(), { channelId: t.channelId, messageId: id })).toMatchObject({ status: "too_large" });
    const chunks = (await db().execute(sql`select count(*)::int as n from media_chunks`)) as unknown as { rows: Array<{ n: number }> };
    expect(chunks.rows[0]!.n).toBe(0);
    expect((await serve(id)).status).toBe(413);
  });

  it("stores in a directory when configured, and downloads files under their own name", async () => {
    const dir = `.tmp/media-test-${process.pid}`;
    const id = await send({ type: "file", fileName: "見積書, 2026.pdf" });
    await runJobs(db(), fakeHandlers(fake, { storage: { storage: "directory", dir } }));
    const row = await getMedia(db(), { channelId: t.channelId, messageId: id });
    expect(row).toMatchObject({ status: "ready", storage: "directory", fileName: "見積書, 2026.pdf" });
    expect(fs.statSync(`${dir}/${t.channelId}/${id}.original`).size).toBe(row!.size);
    const res = await mediaResponseFromDir(id, dir);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="___, 2026.pdf"; filename*=UTF-8''${encodeURIComponent("見積書, 2026.pdf")}`);
    expect((await res.arrayBuffer()).byteLength).toBe(row!.size);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps large content in chunks", async () => {
    const id = await send({ type: "video", durationMs: 1000 });
    await runJobs(db(), fakeHandlers(fake), { timeoutMs: 20_000 });
    const row = await getMedia(db(), { channelId: t.channelId, messageId: id });
    expect(row!.status).toBe("ready");
    const chunks = (await db().execute(sql`select count(*)::int as n from media_chunks where message_id = ${id} and variant = 'original'`)) as unknown as {
      rows: Array<{ n: number }>;
    };
    expect(chunks.rows[0]!.n).toBe(Math.ceil(row!.size! / MEDIA_CHUNK_BYTES));
  });
});

describe("byte ranges", () => {
  it.each([
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=900-", { start: 900, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=990-2000", { start: 990, end: 999 }],
    ["bytes=1000-", "invalid"],
    ["bytes=5-1", "invalid"],
    ["items=0-1", "invalid"],
  ] as const)("%s of 1000 bytes", (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});

// Directory storage reads from MEDIA_DIR at serve time; point it at the test's directory.
async function mediaResponseFromDir(id: string, dir: string) {
  const { resetEnvCache } = await import("@/lib/env.js");
  const before = process.env.MEDIA_DIR;
  process.env.MEDIA_DIR = dir;
  resetEnvCache();
  try {
    const res = await serve(id);
    return new Response(await res.arrayBuffer(), { status: res.status, headers: res.headers });
  } finally {
    process.env.MEDIA_DIR = before;
    resetEnvCache();
  }
}
