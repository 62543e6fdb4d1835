import { listMembers } from "@/db/queries/users";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute({ role: "admin" }, async ({ db }) => ({ items: await listMembers(db) }));
