// One webhook HTTP request, classified the way LINE's "test webhook endpoint" reports results:
// OK (2xx), ERROR_STATUS_CODE, REQUEST_TIMEOUT (no answer within the timeout), COULD_NOT_CONNECT,
// UNCLASSIFIED. Uses node:http directly so the bytes sent are exactly the bytes signed.
import http from "node:http";
import https from "node:https";

export type PostReason = "OK" | "ERROR_STATUS_CODE" | "REQUEST_TIMEOUT" | "COULD_NOT_CONNECT" | "UNCLASSIFIED";

export type PostResult = {
  ok: boolean;
  statusCode: number;
  reason: PostReason;
  detail: string;
  latencyMs: number;
};

export type Agents = { http: http.Agent; https: https.Agent };

export function createAgents(): Agents {
  return { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };
}

export function postWebhook(url: string, body: Buffer, headers: Record<string, string>, timeoutMs: number, agents: Agents): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: Omit<PostResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, latencyMs: elapsed() });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      done({ ok: false, statusCode: 0, reason: "COULD_NOT_CONNECT", detail: "Invalid URL" });
      return;
    }
    const secure = target.protocol === "https:";
    const req = (secure ? https : http).request(target, {
      method: "POST",
      agent: secure ? agents.https : agents.http,
      headers: { ...headers, "content-length": String(body.length) },
    });
    const timer = setTimeout(() => {
      done({ ok: false, statusCode: 0, reason: "REQUEST_TIMEOUT", detail: `No response within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      res.resume();
      const ok = status >= 200 && status < 300;
      done({ ok, statusCode: status, reason: ok ? "OK" : "ERROR_STATUS_CODE", detail: String(status) });
    });
    req.on("error", (err: NodeJS.ErrnoException) => {
      const connect = ["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ECONNRESET", "EAI_AGAIN", "ENETUNREACH"].includes(err.code ?? "");
      done({ ok: false, statusCode: 0, reason: connect ? "COULD_NOT_CONNECT" : "UNCLASSIFIED", detail: err.code ?? err.message });
    });
    req.end(body);
  });
}
