import { countUsers } from "@/db/queries/users";
import { recordAudit } from "@/lib/platform/audit";
import { createFirstAdmin } from "@/lib/auth/accounts";
import { assertSameOrigin } from "@/lib/auth/require-actor";
import { setupBodySchema } from "@/lib/auth/schemas";
import { signedInResponse } from "@/lib/auth/sign-in-response";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { publicApiRoute } from "@/lib/runtime/api-route";

/** Whether the console still needs its first admin (the sign-in page asks). */
export const GET = publicApiRoute(async ({ db }) => ({ needsSetup: (await countUsers(db)) === 0 }));

/** First run: create the first admin and sign them in. Refused (409) once any account exists. */
export const POST = publicApiRoute(async ({ req, db, ip, runtime }) => {
  assertSameOrigin(req);
  const body = await parseJsonBody(setupBodySchema, req);
  const admin = await createFirstAdmin(db, body);
  await recordAudit(db, { actor: { kind: "system", name: "first-run set-up" }, ip, action: "setup.admin_created", target: admin.email });
  return signedInResponse(runtime.auth, req, { email: admin.email, password: body.password }, { id: admin.id, email: admin.email });
});
