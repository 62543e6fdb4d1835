import type { LiveHub } from "./hub";

// Proxies close idle connections; a comment line every 15 s keeps this one open.
const HEARTBEAT_MS = 15_000;
// How often an open stream asks whether its session or key still lets it in, besides when told: a
// notice can be lost while an instance's database listener reconnects, and sessions also just expire.
const RECHECK_MS = 30_000;

export interface LiveStreamParams {
  hub: LiveHub;
  channelId: number;
  /** The member's or API key's id: the stream ends when a notice names it and the check says so. */
  holderId: string;
  /** Whether the session or key the stream was opened with still lets it in (read-only). */
  stillAllowed: () => Promise<boolean>;
  /** The request's: the browser went away. */
  signal: AbortSignal;
}

/**
 * Server-sent events: "stored" when new deliveries/events are committed, "resync" after a gap. The
 * stream ends when the server stops (the browser reconnects, elsewhere if there is another instance)
 * and when its holder is signed out, disabled or revoked (the reconnect is then refused).
 */
export function liveStreamResponse(params: LiveStreamParams): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let ended = false;
      let checking = false;
      let askAgain = false;
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      // A notice that arrives while a check is running gets a check of its own after it: the running
      // one may have read the database before the access ended.
      const check = async () => {
        if (ended) return;
        if (checking) {
          askAgain = true;
          return;
        }
        checking = true;
        do {
          askAgain = false;
          // A failed check (the database busy or away) keeps the stream: the next one decides.
          if (!(await params.stillAllowed().catch(() => true))) cleanup();
        } while (askAgain && !ended);
        checking = false;
      };
      send("retry: 3000\n\n");
      const unsubscribe = params.hub.subscribe((m) => {
        if (m.kind === "resync") send(`event: resync\ndata: {}\n\n`);
        else if (m.kind === "stored" && m.channelId === params.channelId) send(`event: stored\ndata: ${JSON.stringify(m)}\n\n`);
        else if (m.kind === "accessEnded" && (m.id === params.holderId || m.id === "*")) void check();
        // A stopping server ends the stream (it would hold the shutdown open); the browser reconnects.
        else if (m.kind === "closing") cleanup();
      });
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      const recheck = setInterval(() => void check(), RECHECK_MS);
      cleanup = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        clearInterval(recheck);
        unsubscribe();
        try {
          controller.close();
        } catch {}
      };
      params.signal.addEventListener("abort", () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
