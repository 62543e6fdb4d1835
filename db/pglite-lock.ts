import fs from "node:fs";
import path from "node:path";

// Two processes on one PGlite data directory corrupt it. The lock lives beside the directory (never
// inside it, so a copied data directory carries no stale lock), holds the owner's pid, and is stale
// when that process is gone.

export class DatabaseLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database at ${dataDir} is already open in another process (pid ${pid}). ` +
        `Stop that process first, or set DATABASE_URL to use PostgreSQL, which several processes can share.`,
    );
    this.name = "DatabaseLockedError";
  }
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return () => releasePgliteLock(lockPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = readOwner(lockPath);
      if (owner === process.pid) return () => releasePgliteLock(lockPath);
      if (owner !== undefined && isAlive(owner)) throw new DatabaseLockedError(dataDir, owner);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the database lock ${lockPath}`);
}

function releasePgliteLock(lockPath: string) {
  if (readOwner(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
}

function readOwner(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
