import { create as contentDisposition } from "content-disposition";
import type { DatabaseHandle } from "@/db/client";
import { BackupInProgressError, pgliteBackup } from "@/db/pglite-backup";
import { HttpError } from "@/lib/platform/http/errors";

/**
 * A consistent backup of the embedded database this server runs on, streamed as a tar archive (see
 * db/pglite-backup.ts; restore it with `npm run admin -- restore`). Refused before anything is sent when
 * the database is PostgreSQL (pg_dump is its tool) or in memory, or while another backup is under way.
 */
export async function backupResponse(handle: DatabaseHandle): Promise<Response> {
  if (handle.kind !== "pglite" || !handle.dataDir) {
    throw new HttpError(
      409,
      "backup_not_embedded",
      handle.kind === "postgres"
        ? "This console runs on PostgreSQL: back it up with pg_dump (see the README)"
        : "This database is in memory: there is nothing on disk to back up",
    );
  }
  const chunks = pgliteBackup({ db: handle.db, dataDir: handle.dataDir });
  // The first chunk starts the backup: a refusal (another backup) is still an error answer, not a cut stream.
  let first: IteratorResult<Uint8Array>;
  try {
    first = await chunks.next();
  } catch (err) {
    if (err instanceof BackupInProgressError) throw new HttpError(409, "backup_in_progress", err.message);
    throw err;
  }
  let pending: Uint8Array | undefined = first.done ? undefined : first.value;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (pending) {
          controller.enqueue(pending);
          pending = undefined;
          return;
        }
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (err) {
        // Cut off: the client sees an incomplete archive (no end marker) and keeps nothing.
        console.error("[backup] failed:", (err as Error).message);
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(body, {
    headers: {
      "content-type": "application/x-tar",
      "content-disposition": contentDisposition(`oa-console-backup-${stamp}.tar`),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
