import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import type { Db } from "@/db/client";
import { deleteMediaChunks, readMediaChunks, writeMediaChunk } from "@/db/queries/media";
import type { MediaVariant } from "@/db/schema/media";
import { env } from "@/lib/env.js";

// Where fetched media is kept: the database (chunks in media_chunks) or a directory (one file per
// variant). Chosen by MEDIA_STORAGE when fetched and recorded per item, so changing the setting later
// still serves what was kept before.

/** Chunk size: small enough that one query never holds PGlite for long, big enough to be few. */
export const MEDIA_CHUNK_BYTES = 512 * 1024;

export interface MediaStorageOptions {
  storage: "database" | "directory";
  dir: string;
  maxBytes: number;
}

export function mediaStorageFromEnv(): MediaStorageOptions {
  const e = env();
  return { storage: e.MEDIA_STORAGE, dir: e.MEDIA_DIR, maxBytes: e.MEDIA_MAX_BYTES };
}

type Key = { channelId: number; messageId: string; variant: MediaVariant };

/**
 * Copy a download into storage, stopping as soon as it passes `maxBytes` (nothing is kept then).
 * Answers the size, or null when it was too large.
 */
export async function storeMedia(db: Db, options: MediaStorageOptions, key: Key, body: Readable): Promise<number | null> {
  return options.storage === "directory" ? storeFile(options, key, body) : storeChunks(db, options, key, body);
}

/** The bytes start..end (inclusive) of a stored variant, as a stream of chunks. */
export async function* readMedia(
  db: Db,
  item: { storage: "database" | "directory" | null; dir?: string } & Key,
  range: { start: number; end: number },
): AsyncGenerator<Uint8Array> {
  if (range.end < range.start) return;
  if (item.storage === "directory") {
    yield* fs.createReadStream(mediaPath(item.dir ?? env().MEDIA_DIR, item), { start: range.start, end: range.end });
    return;
  }
  const first = Math.floor(range.start / MEDIA_CHUNK_BYTES);
  const last = Math.floor(range.end / MEDIA_CHUNK_BYTES);
  // One chunk per query: other queries (webhook intake) get their turn between them on PGlite.
  for (let seq = first; seq <= last; seq++) {
    const [chunk] = await readMediaChunks(db, { ...item, fromSeq: seq, toSeq: seq });
    if (!chunk) throw new Error(`media ${item.messageId} ${item.variant}: chunk ${seq} is missing`);
    const offset = seq * MEDIA_CHUNK_BYTES;
    yield chunk.bytes.subarray(Math.max(0, range.start - offset), Math.min(chunk.bytes.length, range.end - offset + 1));
  }
}

async function storeChunks(db: Db, options: MediaStorageOptions, key: Key, body: Readable): Promise<number | null> {
  let size = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async (all: boolean) => {
    while (pendingBytes >= MEDIA_CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = Buffer.concat(pending);
      const chunk = joined.subarray(0, MEDIA_CHUNK_BYTES);
      await writeMediaChunk(db, { ...key, seq: seq++, bytes: chunk });
      const rest = joined.subarray(chunk.length);
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
    }
  };
  for await (const part of body as AsyncIterable<Buffer>) {
    size += part.length;
    if (size > options.maxBytes) {
      body.destroy();
      await deleteMediaChunks(db, { channelId: key.channelId, messageId: key.messageId, variant: key.variant });
      return null;
    }
    pending.push(part);
    pendingBytes += part.length;
    await flush(false);
  }
  await flush(true);
  // A shorter copy than an earlier partial one: drop the leftovers.
  await deleteMediaChunks(db, { channelId: key.channelId, messageId: key.messageId, variant: key.variant, fromSeq: seq });
  return size;
}

async function storeFile(options: MediaStorageOptions, key: Key, body: Readable): Promise<number | null> {
  const file = mediaPath(options.dir, key);
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  const out = fs.createWriteStream(tmp);
  let size = 0;
  try {
    for await (const part of body as AsyncIterable<Buffer>) {
      size += part.length;
      if (size > options.maxBytes) {
        body.destroy();
        out.destroy();
        await fsp.rm(tmp, { force: true });
        return null;
      }
      if (!out.write(part)) await new Promise<void>((r) => out.once("drain", () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    // Rename is atomic: a reader never sees half a file.
    await fsp.rename(tmp, file);
    return size;
  } catch (err) {
    out.destroy();
    await fsp.rm(tmp, { force: true });
    throw err;
  }
}

/** Delete the files of an item kept in a directory (both variants; those already gone are fine). */
export async function deleteMediaFiles(dir: string, key: { channelId: number; messageId: string }): Promise<void> {
  for (const variant of ["original", "preview"] as const) await fsp.rm(mediaPath(dir, { ...key, variant }), { force: true });
}

function mediaPath(dir: string, key: Key): string {
  // Message ids are LINE's numeric strings; anything else must not become a path.
  if (!/^[0-9A-Za-z_-]{1,64}$/.test(key.messageId)) throw new Error(`unexpected message id ${JSON.stringify(key.messageId)}`);
  // turbopackIgnore: a directory chosen at run time, not a file of the build to trace.
  return path.resolve(/* turbopackIgnore: true */ dir, String(key.channelId), `${key.messageId}.${key.variant}`);
}
