import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { restorePgliteBackup } from "@/db/pglite-backup";
import { databaseSummary } from "@/db/queries/backup";

/**
 * `npm run admin -- restore <file>`: unpack a backup into a new or empty data directory, then open it
 * (PostgreSQL replays the WAL the backup carries) and ask it what it holds. A restore that does not open
 * is removed again, so it cannot be mistaken for a good one.
 */
export async function restoreBackup(params: { file: string; dataDir: string }) {
  if (!fs.existsSync(params.file)) throw new Error(`${params.file} does not exist`);
  const existed = fs.existsSync(params.dataDir);
  const restored = await restorePgliteBackup({ archive: fs.createReadStream(params.file), dataDir: params.dataDir });
  try {
    const handle = await openDatabase({ kind: "pglite", dataDir: params.dataDir, migrate: false });
    try {
      return { ...restored, summary: await databaseSummary(handle.db) };
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (existed) for (const name of fs.readdirSync(params.dataDir)) fs.rmSync(path.join(params.dataDir, name), { recursive: true, force: true });
    else fs.rmSync(params.dataDir, { recursive: true, force: true });
    throw new Error(`The restored files do not open as a database (removed again): ${(err as Error).message}`);
  }
}
