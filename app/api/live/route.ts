import { apiRoute } from "@/lib/http/api-route";
import { getLiveHub } from "@/lib/live/hub";
import { whenStopping } from "@/lib/server/shutdown";

export const dynamic = "force-dynamic";

/** Server-sent events: "stored" when new deliveries/events are committed, "resync" after a gap. */
export const GET = apiRoute({ role: "viewer" }, async ({ req, channelId }) => {
  const hub = await getLiveHub();
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send("retry: 3000\n\n");
      const unsubscribe = hub.subscribe((m) => {
        if (m.kind === "resync") send(`event: resync\ndata: {}\n\n`);
        else if (m.channelId === channelId) send(`event: stored\ndata: ${JSON.stringify(m)}\n\n`);
      });
      // Proxies close idle connections; a comment line every 15 s keeps this one open.
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), 15_000);
      // A stopping server ends the stream (it would hold the shutdown open); the browser reconnects.
      const undoStop = whenStopping(() => cleanup());
      cleanup = () => {
        clearInterval(heartbeat);
        undoStop();
        unsubscribe();
        try {
          controller.close();
        } catch {}
      };
      req.signal.addEventListener("abort", () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
