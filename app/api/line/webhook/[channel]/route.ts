import { cachedChannels } from "@/lib/channel/access";
import { getRuntime } from "@/lib/runtime/runtime";
import { unavailableResponse, webhookResponse } from "@/lib/webhook/webhook-response";
import { log } from "@/lib/platform/log";

// LINE's webhook for one channel: /api/line/webhook/<channel key>, the URL Settings → Channels gives for
// LINE Developers Console. Public: the channel's own signature is the authentication.
export const runtime = "nodejs";

export async function POST(req: Request, route: { params: Promise<{ channel: string }> }): Promise<Response> {
  const running = await getRuntime().catch((err: unknown) => {
    log().error({ scope: "webhook", err }, "event store unavailable; answered 503");
    return null;
  });
  if (!running) return unavailableResponse();
  const { channel: key } = await route.params;
  const channel = (await cachedChannels(running.db).catch(() => [])).find((c) => c.slug === key);
  if (!channel) return webhookResponse({ message: `No channel "${key}" in this console` }, 404);
  return running.intake.handle(req, channel.id);
}
