import type { Client } from "pg";

type Listener = (payload: string) => void;

// One dedicated connection per process carries every LISTEN. It reconnects with backoff, and after a
// reconnect tells each subscriber "*" (notifications sent while it was away are lost, so they resync).
export function createPgListener(url: string) {
  const subscribers = new Map<string, Set<Listener>>();
  let client: Client | undefined;
  let connecting: Promise<Client> | undefined;
  let closed = false;
  let backoffMs = 250;

  async function connect(): Promise<Client> {
    const pg = await import("pg");
    const c = new pg.default.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    c.on("notification", (msg) => {
      for (const fn of subscribers.get(msg.channel) ?? []) fn(msg.payload ?? "");
    });
    c.on("error", () => reconnect(c));
    c.on("end", () => reconnect(c));
    await c.connect();
    for (const channel of subscribers.keys()) await c.query(`LISTEN ${quoteIdent(channel)}`);
    backoffMs = 250;
    return c;
  }

  function ensure(): Promise<Client> {
    if (client) return Promise.resolve(client);
    connecting ??= connect()
      .then((c) => {
        client = c;
        return c;
      })
      .finally(() => {
        connecting = undefined;
      });
    return connecting;
  }

  function reconnect(dead: Client) {
    if (client !== dead || closed) return;
    client = undefined;
    dead.removeAllListeners();
    dead.end().catch(() => {});
    const retry = () => {
      if (closed) return;
      ensure()
        .then(() => {
          for (const set of subscribers.values()) for (const fn of set) fn("*");
        })
        .catch(() => {
          backoffMs = Math.min(backoffMs * 2, 10_000);
          setTimeout(retry, backoffMs).unref();
        });
    };
    setTimeout(retry, backoffMs).unref();
  }

  return {
    async listen(channel: string, fn: Listener): Promise<() => Promise<void>> {
      let set = subscribers.get(channel);
      const first = !set;
      if (!set) subscribers.set(channel, (set = new Set()));
      set.add(fn);
      const c = await ensure();
      if (first) await c.query(`LISTEN ${quoteIdent(channel)}`);
      return async () => {
        set.delete(fn);
      };
    },
    async close() {
      closed = true;
      const c = client;
      client = undefined;
      if (c) {
        c.removeAllListeners();
        await c.end().catch(() => {});
      }
    },
  };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
