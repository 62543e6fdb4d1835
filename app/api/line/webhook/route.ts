import { getRuntime } from "@/lib/runtime/runtime";
import { unavailableResponse } from "@/lib/webhook/webhook-response";
import { log } from "@/lib/platform/log";

// LINE's webhook for the first channel (the environment's), at the URL it had before channels could be
// added: installations upgrade with nothing to change in LINE. Public (the signature is the
// authentication), Node runtime for node:crypto. The steps are the intake's (lib/webhook/intake.ts).
export const runtime = "nodejs";

export async function POST(req: Request): Promise<Response> {
  const running = await getRuntime().catch((err: unknown) => {
    log().error({ scope: "webhook", err }, "event store unavailable; answered 503");
    return null;
  });
  return running ? running.intake.handle(req, running.firstChannelId) : unavailableResponse();
}
