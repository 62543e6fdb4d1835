import { readMembers } from "@/lib/auth/read";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute({ role: "admin" }, async ({ db }) => readMembers(db));
