import { readMySessions } from "@/lib/auth/read";
import { apiRoute } from "@/lib/runtime/api-route";

/** The signed-in member's sessions (devices), this one marked. */
export const GET = apiRoute({ scope: "console", role: "viewer" }, async ({ db, actor }) => readMySessions(db, { actor }));
