import { backupResponse } from "@/lib/backup/backup-response";
import { apiRoute } from "@/lib/runtime/api-route";

/**
 * A backup of the embedded database, taken by this server (which holds it) while it keeps running:
 * `npm run admin -- backup <file>` calls it with an admin API key. It holds everything, password hashes
 * and sessions included: admins only, and every one is in the audit log.
 */
export const POST = apiRoute({ scope: "console", role: "admin" }, async ({ runtime, audit }) => {
  const response = await backupResponse(runtime.handle);
  try {
    await audit("database.backup_taken");
  } catch (err) {
    // Not in the log, so not given out.
    await response.body?.cancel();
    throw err;
  }
  return response;
});
