import fs from "node:fs";
import fsp from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { BACKUP_MANIFEST, type BackupManifest } from "@/db/pglite-backup";
import { readTar } from "@/db/tar";

// `npm run admin -- backup <file>`: asks the running console for a backup (POST /api/backup, an admin
// API key) and keeps it only once it is whole. The key and the database never cross a network unencrypted.

export async function downloadBackup(params: { url: string; apiKey: string; file: string }): Promise<{ bytes: number; manifest: BackupManifest }> {
  const base = new URL(params.url);
  if (base.protocol !== "https:" && !(base.protocol === "http:" && isLoopback(base.hostname))) {
    throw new Error(`Refusing to send an API key and the whole database to ${base.origin} unencrypted: use https://, or run this on the console's machine`);
  }
  if (fs.existsSync(params.file)) throw new Error(`${params.file} already exists: choose a new file name`);
  const res = await fetch(new URL("/api/backup", base), { method: "POST", headers: { authorization: `Bearer ${params.apiKey}` } });
  if (!res.ok || !res.body) {
    const problem = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new Error(`The console answered ${res.status}${problem.code ? ` ${problem.code}` : ""}: ${problem.message ?? res.statusText}`);
  }
  // Written beside the file first, readable by this user only (it holds password hashes and sessions).
  const partial = `${params.file}.partial`;
  try {
    await pipeline(Readable.fromWeb(res.body as never), fs.createWriteStream(partial, { flags: "wx", mode: 0o600 }));
    const manifest = await verifyBackup(partial);
    await fsp.rename(partial, params.file);
    return { bytes: (await fsp.stat(params.file)).size, manifest };
  } catch (err) {
    await fsp.rm(partial, { force: true });
    throw err;
  }
}

/** Read a backup through: it must be a whole archive that ends with its manifest. */
export async function verifyBackup(file: string): Promise<BackupManifest> {
  let manifest: BackupManifest | undefined;
  for await (const entry of readTar(fs.createReadStream(file))) {
    if (entry.name !== BACKUP_MANIFEST) continue;
    const parts: Buffer[] = [];
    for await (const c of entry.data) parts.push(Buffer.from(c));
    manifest = JSON.parse(Buffer.concat(parts).toString("utf8")) as BackupManifest;
  }
  if (!manifest) throw new Error("The backup has no manifest: it is incomplete");
  return manifest;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "[::1]" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
