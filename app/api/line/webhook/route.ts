import { getRuntime } from "@/lib/runtime/runtime";
import { unavailableResponse } from "@/lib/webhook/webhook-response";
import { log } from "@/lib/platform/log";

// LINE's webhook: public (the signature is the authentication), Node runtime for node:crypto. Its
// steps are the intake's (lib/webhook/intake.ts): raw body → signature → parse → rows → store → answer.
export const runtime = "nodejs";

export async function POST(req: Request): Promise<Response> {
  const running = await getRuntime().catch((err: unknown) => {
    log().error({ scope: "webhook", err }, "event store unavailable; answered 503");
    return null;
  });
  return running ? running.intake.handle(req) : unavailableResponse();
}
