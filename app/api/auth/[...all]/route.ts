import { getRuntime } from "@/lib/runtime/runtime";

// better-auth's endpoints (sign-in, sign-out, session): public by nature; sign-up is disabled.
async function handle(req: Request): Promise<Response> {
  const { auth } = await getRuntime();
  return auth.handler(req);
}

export { handle as GET, handle as POST };
