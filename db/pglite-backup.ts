import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db } from "./client";
import { acquirePgliteLock } from "./pglite-lock";
import { startBackup, stopBackup } from "./queries/backup";
import { readTar, TAR_END, tarHeader, tarPadding, type TarEntry } from "./tar";

// A consistent copy of an embedded (PGlite) database while the console keeps running on it, and its
// restore. The process that holds the data directory makes the copy (no other process may open it):
// PostgreSQL's online backup, as pg_basebackup does it. pg_backup_start checkpoints and marks where
// recovery will start; the data files are then read while the database goes on writing (a page read
// half-written is fine: every page changed after the checkpoint is in the WAL whole); pg_backup_stop
// answers the backup_label, and the WAL from the start up to that moment is copied last. Opening the
// copy replays that WAL: the database as it was when the backup stopped, every transaction committed
// before then included. No query waits for the copy: the database is busy only for the checkpoint.
// PGlite 0.5's own dumpDataDir() reads the whole directory into memory while holding the database (a
// gigabyte database would stop the webhook for seconds and take twice its size in memory).

/** The last entry of a backup: what it is, and that the archive is complete. Not part of the data directory. */
export const BACKUP_MANIFEST = "oa-console-backup.json";

export interface BackupManifest {
  format: 1;
  kind: "pglite-data-dir";
  startedAt: string;
  finishedAt: string;
  startLsn: string;
  stopLsn: string;
  files: number;
  bytes: number;
}

export class BackupInProgressError extends Error {
  constructor() {
    super("A backup of this database is already being taken");
    this.name = "BackupInProgressError";
  }
}

// Files PostgreSQL itself leaves out of a base backup: a running server's lock files, and a label or map
// of another backup. And directories whose contents are rebuilt on start (only the directory is kept).
const LEFT_OUT = new Set(["postmaster.pid", "postmaster.opts", "backup_label", "backup_label.old", "tablespace_map", "tablespace_map.old"]);
const EMPTIED = new Set(["pg_wal", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans", "pg_replslot"]);
const READ_CHUNK = 1024 * 1024;

let running = false;

/**
 * The data directory of a PGlite database, open in this process, as a tar archive (a stream of chunks).
 * One at a time per process (PostgreSQL takes one backup per session, and PGlite has one session).
 */
export async function* pgliteBackup(params: { db: Db; dataDir: string }): AsyncGenerator<Uint8Array> {
  if (running) throw new BackupInProgressError();
  running = true;
  let stopped = false;
  try {
    const startedAt = new Date();
    const { startLsn } = await startBackup(params.db, { label: `oa-console ${startedAt.toISOString()}` });
    let files = 0;
    let bytes = 0;
    for (const entry of await listDirectory(params.dataDir, "", (rel, isDir) => !LEFT_OUT.has(rel) && (isDir || !EMPTIED.has(rel.split("/")[0]!)))) {
      for await (const chunk of entryChunks(params.dataDir, entry)) yield chunk;
      if (entry.type === "file") {
        files++;
        bytes += entry.size;
      }
    }
    const { stopLsn, stopSegment, labelFile } = await stopBackup(params.db);
    stopped = true;
    // The WAL from the backup's start to its stop: recovery replays it up to the stop position. Segments
    // are named by timeline and position, so they sort in order; later names are segments PostgreSQL
    // recycled ahead of time (old contents, not needed).
    const startSegment = /\(file ([0-9A-F]{24})\)/.exec(labelFile)?.[1];
    if (!startSegment) throw new Error(`pg_backup_stop answered an unexpected backup_label:\n${labelFile}`);
    const wal = (await listDirectory(params.dataDir, "pg_wal", () => true)).filter((e) => e.type === "file" && /^pg_wal\/[0-9A-F]{24}$/.test(e.name));
    const needed = wal.filter((e) => {
      const segment = e.name.slice("pg_wal/".length);
      return segment >= startSegment && segment <= stopSegment;
    });
    const missing = [startSegment, stopSegment].filter((segment) => !needed.some((e) => e.name === `pg_wal/${segment}`));
    if (missing.length > 0) {
      throw new Error(`The WAL segment ${missing.join(" and ")} the backup needs was recycled while it was taken: take it again`);
    }
    for (const entry of needed) {
      for await (const chunk of entryChunks(params.dataDir, entry)) yield chunk;
      files++;
      bytes += entry.size;
    }
    yield* textEntry("backup_label", labelFile);
    files++;
    bytes += Buffer.byteLength(labelFile);
    const manifest: BackupManifest = {
      format: 1,
      kind: "pglite-data-dir",
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      startLsn,
      stopLsn,
      files,
      bytes,
    };
    yield* textEntry(BACKUP_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
    yield TAR_END;
  } finally {
    // Abandoned halfway (the download was cut off): end the backup, or the next one is refused.
    if (!stopped) await stopBackup(params.db).catch(() => {});
    running = false;
  }
}

export interface RestoreResult {
  manifest: BackupManifest;
  files: number;
  bytes: number;
}

/**
 * Unpack a backup (pgliteBackup's archive) into a data directory that does not exist or is empty, and
 * nowhere else: every entry must be a file or directory inside it. What was unpacked is removed again if
 * the archive turns out incomplete or damaged. The database is not opened here (checkRestoredDatabase).
 */
export async function restorePgliteBackup(params: { archive: AsyncIterable<Uint8Array>; dataDir: string }): Promise<RestoreResult> {
  const dir = path.resolve(params.dataDir);
  const existed = fs.existsSync(dir);
  if (existed && (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length > 0)) {
    throw new Error(`${dir} is not empty: a backup is restored into a new or empty directory only (move the old one aside first)`);
  }
  // Nobody may open it meanwhile (a console started on it now would find half a database).
  const release = acquirePgliteLock(dir);
  let manifest: BackupManifest | undefined;
  let label = false;
  let files = 0;
  let bytes = 0;
  try {
    await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
    for await (const entry of readTar(params.archive)) {
      if (manifest) throw new Error(`unexpected ${entry.name} after the end of the backup`);
      if (entry.name === BACKUP_MANIFEST) {
        manifest = parseManifest(await text(entry.data));
        continue;
      }
      const target = insideDir(dir, entry.name);
      if (entry.type === "directory") {
        await fsp.mkdir(target, { recursive: true, mode: 0o700 });
        continue;
      }
      await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await pipeline(Readable.from(entry.data), fs.createWriteStream(target, { flags: "wx", mode: 0o600 }));
      if (entry.name === "backup_label") label = true;
      files++;
      bytes += entry.size;
    }
    if (!manifest || !label) throw new Error("this is not a complete oa-console backup (no backup_label or manifest at its end)");
    return { manifest, files, bytes };
  } catch (err) {
    if (existed) for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    else fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    release();
  }
}

async function listDirectory(root: string, under: string, keep: (rel: string, isDir: boolean) => boolean): Promise<TarEntry[]> {
  const out: TarEntry[] = [];
  const walk = async (rel: string) => {
    let names: string[];
    try {
      names = (await fsp.readdir(path.join(root, rel))).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return; // dropped meanwhile
      throw err;
    }
    for (const name of names) {
      const child = rel ? `${rel}/${name}` : name;
      const stat = await fsp.lstat(path.join(root, child)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === "ENOENT") return undefined;
        throw err;
      });
      if (!stat || !(stat.isFile() || stat.isDirectory()) || !keep(child, stat.isDirectory())) continue;
      out.push({ name: child, type: stat.isDirectory() ? "directory" : "file", size: stat.isFile() ? stat.size : 0, mode: stat.mode, mtime: stat.mtime });
      if (stat.isDirectory()) await walk(child);
    }
  };
  await walk(under);
  return out;
}

// A file as it is read now: exactly the size listed (a file that grew meanwhile is cut there, one that
// shrank is padded with zeros; a table dropped meanwhile is an empty file). WAL replay puts every page
// changed since the checkpoint right.
async function* entryChunks(root: string, entry: TarEntry): AsyncGenerator<Uint8Array> {
  yield tarHeader(entry);
  if (entry.type === "directory") return;
  let left = entry.size;
  const handle = await fsp.open(path.join(root, entry.name), "r").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw err;
  });
  try {
    while (left > 0 && handle) {
      const buffer = Buffer.alloc(Math.min(READ_CHUNK, left));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, entry.size - left);
      if (bytesRead === 0) break;
      left -= bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle?.close();
  }
  for (; left > 0; left -= Math.min(left, READ_CHUNK)) yield new Uint8Array(Math.min(left, READ_CHUNK));
  yield tarPadding(entry.size);
}

function* textEntry(name: string, content: string): Generator<Uint8Array> {
  const data = Buffer.from(content, "utf8");
  yield tarHeader({ name, type: "file", size: data.length, mode: 0o600, mtime: new Date() });
  yield data;
  yield tarPadding(data.length);
}

// An entry's path, inside `dir`: a damaged or crafted archive cannot write anywhere else.
function insideDir(dir: string, name: string): string {
  const target = path.resolve(dir, name);
  if (!/^[\w.-]+(\/[\w.-]+)*$/.test(name) || name.split("/").includes("..") || !target.startsWith(dir + path.sep)) {
    throw new Error(`refusing the archive entry ${JSON.stringify(name)}: not a path inside the data directory`);
  }
  return target;
}

async function text(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString("utf8");
}

function parseManifest(json: string): BackupManifest {
  const m = JSON.parse(json) as Partial<BackupManifest>;
  if (m.format !== 1 || m.kind !== "pglite-data-dir") throw new Error(`not a backup this version can restore (${BACKUP_MANIFEST}: format ${String(m.format)})`);
  return m as BackupManifest;
}
