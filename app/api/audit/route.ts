import { readAudit } from "@/lib/auth/read";
import { listAuditQuerySchema } from "@/lib/auth/schemas";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** The audit log, newest first (admins only; nothing in the console can change it). */
export const GET = apiRoute({ role: "admin" }, async ({ req, db }) => readAudit(db, { query: parseSearchParams(listAuditQuerySchema, req) }));
