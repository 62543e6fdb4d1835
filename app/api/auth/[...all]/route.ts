import { isOpenAuthEndpoint } from "@/lib/auth/auth-endpoints";
import { errorResponse, notFound } from "@/lib/platform/http/errors";
import { getRuntime } from "@/lib/runtime/runtime";

// better-auth's endpoints the console uses (sign-in, its code step, sign-out, session): public by
// nature; sign-up is disabled and the rest are closed (lib/auth/auth-endpoints.ts).
async function handle(req: Request): Promise<Response> {
  if (!isOpenAuthEndpoint(new URL(req.url).pathname)) return errorResponse(notFound("This endpoint"));
  const { auth } = await getRuntime();
  return auth.handler(req);
}

export { handle as GET, handle as POST };
