// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route handler, whatever its params
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;

export const BASE = "http://console.test";

/**
 * Calls route handlers the way Next does (a Request in, a Response out), keeping cookies like a
 * browser of one person at one address. Same-origin headers are sent unless told otherwise.
 */
export class RouteClient {
  private cookies = new Map<string, string>();
  constructor(
    readonly ip = "203.0.113.10",
    readonly bearer?: string,
  ) {}

  async call(
    handler: Handler,
    method: string,
    path: string,
    opts: { body?: unknown; params?: Record<string, string | string[]>; headers?: Record<string, string> } = {},
  ) {
    const res = await this.send(handler, method, path, opts);
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = JSON.parse(text);
    } catch {}
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the route answered
    return { status: res.status, headers: res.headers, json: json as Record<string, any> };
  }

  /** The route's Response as it is, body unread (a stream), cookies kept. */
  async send(
    handler: Handler,
    method: string,
    path: string,
    opts: { body?: unknown; params?: Record<string, string | string[]>; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers = new Headers({ "x-forwarded-for": this.ip, origin: BASE, "sec-fetch-site": "same-origin", ...opts.headers });
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    if (this.bearer) headers.set("authorization", `Bearer ${this.bearer}`);
    // Bytes go as they are (an image upload names its own content-type), a stream too (chunked: no
    // Content-Length); anything else as JSON.
    const raw = opts.body instanceof Uint8Array || opts.body instanceof ReadableStream;
    if (opts.body !== undefined && !raw) headers.set("content-type", "application/json");
    const body = opts.body === undefined ? undefined : raw ? (opts.body as Uint8Array<ArrayBuffer> | ReadableStream) : JSON.stringify(opts.body);
    const init: RequestInit & { duplex?: "half" } = { method, headers, body, ...(opts.body instanceof ReadableStream ? { duplex: "half" } : {}) };
    const res = await handler(new Request(`${BASE}${path}`, init), {
      params: Promise.resolve(opts.params ?? {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...value] = pair!.split("=");
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name!);
      else this.cookies.set(name!, value.join("="));
    }
    return res;
  }

  get hasSession() {
    return [...this.cookies.keys()].some((k) => k.endsWith("oa.session"));
  }
}
