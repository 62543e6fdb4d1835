import type { DatabaseHandle } from "@/db/client";
import { ACCESS_CHANNEL } from "@/db/queries/access-notices";
import { LIVE_CHANNEL } from "@/db/queries/webhook";

export type LiveMessage =
  | { kind: "stored"; channelId: number; deliveries: number; events: number; minId: number | null; maxId: number | null }
  | { kind: "resync" }
  // A member's session or an API key (by id) stopped letting its holder in; "*": notices may have been
  // lost (the listener reconnected), so every stream checks its own.
  | { kind: "accessEnded"; id: string }
  // The server is stopping: open streams end (they never finish by themselves); browsers reconnect.
  | { kind: "closing" };

type Subscriber = (message: LiveMessage) => void;

// Live updates reach every instance: each write NOTIFYs on commit (PGlite in-process, PostgreSQL to
// every instance's LISTEN connection), and each instance fans the news out to its browsers. Bursts are
// coalesced into one message per channel per window, so a busy webhook does not make every open
// timeline refetch hundreds of times a second.
const WINDOW_MS = 300;

export interface LiveHub {
  /** Hear what happens; a hub that has closed answers "closing" at once. */
  subscribe(fn: Subscriber): () => void;
  /** End every subscription (server stopping) and stop listening. */
  close(): Promise<void>;
}

/** This instance's hub over the database's notifications (built once, by the runtime). */
export async function createLiveHub(handle: DatabaseHandle): Promise<LiveHub> {
  const subscribers = new Set<Subscriber>();
  const pending = new Map<number, Extract<LiveMessage, { kind: "stored" }>>();
  let timer: NodeJS.Timeout | undefined;

  const publish = (m: LiveMessage) => {
    for (const fn of subscribers) fn(m);
  };
  const flush = () => {
    timer = undefined;
    for (const m of pending.values()) publish(m);
    pending.clear();
  };

  let closed = false;
  const unlistenLive = await handle.listen(LIVE_CHANNEL, (payload) => {
    if (payload === "*") return publish({ kind: "resync" });
    let m: Omit<Extract<LiveMessage, { kind: "stored" }>, "kind">;
    try {
      m = JSON.parse(payload);
    } catch {
      return;
    }
    const prev = pending.get(m.channelId);
    pending.set(m.channelId, {
      kind: "stored",
      channelId: m.channelId,
      deliveries: (prev?.deliveries ?? 0) + m.deliveries,
      events: (prev?.events ?? 0) + m.events,
      minId: minNullable(prev?.minId ?? null, m.minId),
      maxId: maxNullable(prev?.maxId ?? null, m.maxId),
    });
    timer ??= setTimeout(flush, WINDOW_MS);
  });

  const unlistenAccess = await handle.listen(ACCESS_CHANNEL, (payload) => publish({ kind: "accessEnded", id: payload }));

  return {
    subscribe(fn) {
      if (closed) {
        // After the caller has set up what "closing" tears down.
        queueMicrotask(() => fn({ kind: "closing" }));
        return () => {};
      }
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      publish({ kind: "closing" });
      subscribers.clear();
      await Promise.all([unlistenLive(), unlistenAccess()]).catch(() => {});
    },
  };
}

function minNullable(a: number | null, b: number | null) {
  return a === null ? b : b === null ? a : Math.min(a, b);
}
function maxNullable(a: number | null, b: number | null) {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
