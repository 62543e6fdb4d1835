import http from "node:http";
import type { AddressInfo } from "node:net";

// The load balancer in front of the instances, as small as one can be: each request goes to the next
// upstream in turn (no health checks, no failover: a request dealt to a dead instance is answered 502,
// which LINE counts as a failed delivery). Bodies stream both ways as they come, so Server-Sent Events
// pass through unbuffered. It adds the X-Forwarded-* headers a real proxy adds (the consoles run with
// TRUST_PROXY=1, as README's "Self-hosting" says for one proxy in front).

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are not passed on.
const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
];

export interface RoundRobinProxy {
  url: string;
  /** How many requests each upstream was dealt, by its URL. */
  dealt: Map<string, number>;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const dealt = new Map(upstreams.map((u) => [u, 0]));
  const server = http.createServer((req, res) => {
    const upstream = new URL(upstreams[next++ % upstreams.length]!);
    dealt.set(upstream.origin, (dealt.get(upstream.origin) ?? 0) + 1);
    const headers = withoutHopByHop(req.headers);
    const client = req.socket.remoteAddress ?? "";
    headers["x-forwarded-for"] = req.headers["x-forwarded-for"] ? `${req.headers["x-forwarded-for"]}, ${client}` : client;
    headers["x-forwarded-proto"] = "http";
    headers["x-forwarded-host"] = req.headers.host ?? "";
    const forwarded = http.request(
      // A connection per request (no pool): a killed instance leaves no pooled socket to reuse.
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers));
        // Each chunk as it arrives: an event stream must not wait for a buffer to fill.
        res.flushHeaders();
        answer.pipe(res);
        answer.on("error", () => res.destroy());
      },
    );
    forwarded.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" }).end("bad gateway");
      else res.destroy();
    });
    // The browser went away (a closed event stream): so does the request upstream.
    res.on("close", () => {
      if (!res.writableFinished) forwarded.destroy();
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dealt,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function withoutHopByHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = { ...headers };
  for (const name of HOP_BY_HOP) delete out[name];
  return out;
}
