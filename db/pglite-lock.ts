import fs from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

// Two processes on one PGlite data directory corrupt it, so one process at a time holds a lock on a file
// beside the directory (never inside it, so a copied data directory carries no lock).
//
// The lock is the kernel's, not a pid written to a file: a pid says nothing once its process is gone.
// kill(pid, 0) succeeds on a zombie (a SIGKILLed server its supervisor has not reaped yet), and a
// restarted container's server often gets the very pid its predecessor had; a server restarted after a
// crash found the old lock "owned" and answered every request with 500. Node has no flock(), but its
// built-in SQLite locks its database file with fcntl() record locks, which the kernel drops when the
// process's files close — when it exits or is killed, before it is a zombie — whatever its pid, and in
// every container that shares the volume. So the lock file is an (empty) SQLite database, held in an
// exclusive transaction for as long as the database is open.
//
// fcntl() locks belong to the process and end when it closes ANY descriptor of the file: nothing else in
// the process may open the lock file (fs.stat and fs.exists do not open it).

export class DatabaseLockedError extends Error {
  constructor(dataDir: string, pid: number | undefined) {
    super(
      `The embedded database at ${dataDir} is already open in another process${pid ? ` (pid ${pid})` : ""}. ` +
        `Stop that process first, or set DATABASE_URL to use PostgreSQL, which several processes can share.`,
    );
    this.name = "DatabaseLockedError";
  }
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

// SQLite's result codes, as node:sqlite reports them (errcode).
const SQLITE_BUSY = 5;
const SQLITE_NOTADB = 26;

/** Takes the data directory's lock, or throws DatabaseLockedError at once. Answers its release. */
export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    // timeout 0: a held lock is an answer now, not something to wait for.
    const lock = new DatabaseSync(lockPath, { timeout: 0 });
    try {
      // EXCLUSIVE locking mode keeps the lock after the statement; BEGIN EXCLUSIVE takes it (and writes nothing).
      lock.exec("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE");
      let released = false;
      return () => {
        if (released) return;
        released = true;
        // The file stays: removing a lock file another process may have just opened would let two
        // processes each lock a file of their own. Its presence means nothing; the kernel's lock does.
        lock.close();
      };
    } catch (err) {
      lock.close();
      const code = (err as { errcode?: number }).errcode;
      if (code === SQLITE_BUSY) throw new DatabaseLockedError(dataDir, lockHolder(lockPath));
      // A lock file of an earlier version of the console (its owner's pid, in text): the old scheme's
      // owner is checked as it was, then the file is replaced by a lock of this kind.
      if (code === SQLITE_NOTADB && attempt === 0) {
        replaceOldLockFile(dataDir, lockPath);
        continue;
      }
      throw err;
    }
  }
}

/** Whether a process holds the data directory's lock now (tools that clean up old data directories ask). */
export function isPgliteLocked(dataDir: string): boolean {
  if (!fs.existsSync(lockPathFor(dataDir))) return false;
  try {
    acquirePgliteLock(dataDir)();
    return false;
  } catch (err) {
    if (err instanceof DatabaseLockedError) return true;
    throw err;
  }
}

function replaceOldLockFile(dataDir: string, lockPath: string) {
  const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) throw new DatabaseLockedError(dataDir, pid);
  const fresh = `${lockPath}.${process.pid}.tmp`;
  fs.writeFileSync(fresh, "");
  fs.renameSync(fresh, lockPath);
}

// Whether a process of this pid runs (a zombie does not: it has only its exit status left to collect).
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (command) state …": the command may hold spaces and parentheses, the state follows the last ")".
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT" && fs.existsSync("/proc/self/stat")) return false;
  }
  // No /proc (macOS): whether a signal could be sent.
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Who holds the lock, for the message: Linux lists every fcntl() lock in /proc/locks with its owner's pid
// and the file's inode ("1: POSIX ADVISORY WRITE 4242 fe:00:4243867 1073741824 1073742335").
function lockHolder(lockPath: string): number | undefined {
  try {
    const inode = fs.statSync(lockPath).ino;
    for (const line of fs.readFileSync("/proc/locks", "utf8").split("\n")) {
      const fields = line.trim().split(/\s+/);
      const [, kind, , , pid, device] = fields;
      if (kind === "POSIX" && device?.endsWith(`:${inode}`) && Number(pid) !== process.pid) return Number(pid) || undefined;
    }
  } catch {
    // Not Linux, or /proc not mounted: the message goes without the pid.
  }
  return undefined;
}
