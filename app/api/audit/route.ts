import { auditActions, listAudit } from "@/db/queries/audit";
import { listAuditQuerySchema } from "@/lib/auth/schemas";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** The audit log, newest first (admins only; nothing in the console can change it). */
export const GET = apiRoute({ role: "admin" }, async ({ req, db }) => {
  const query = parseSearchParams(listAuditQuerySchema, req);
  const page = await listAudit(db, query);
  const last = page.items.at(-1);
  return {
    items: page.items,
    actions: await auditActions(db),
    nextCursor: page.hasMore && last ? Buffer.from(`${last.at.getTime()}.${last.id}`).toString("base64url") : null,
  };
});
