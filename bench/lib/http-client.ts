import net from "node:net";

// A load generator's HTTP/1.1 client: one keep-alive socket per closed-loop worker, one request at a
// time on each. The webhook benchmark runs its client on the same machine as the server, so whatever
// the client spends is taken from the server: Node's fetch (undici) spends about half a millisecond of
// CPU per request, as much as the route under test. This client writes a prepared request and reads
// the status line, the headers and the body (Content-Length or chunked), and nothing more.

export interface HttpAnswer {
  status: number;
  body: Buffer;
}

export interface HttpConnection {
  request(method: string, path: string, headers: Record<string, string>, body?: string): Promise<HttpAnswer>;
  close(): void;
}

export async function openConnection(url: string): Promise<HttpConnection> {
  const { hostname, port, host } = new URL(url);
  const socket = net.connect({ host: hostname, port: Number(port) || 80, noDelay: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });

  let buffered: Buffer = Buffer.alloc(0);
  let waiter: { resolve: (a: HttpAnswer) => void; reject: (e: Error) => void } | undefined;
  const fail = (err: Error) => {
    const w = waiter;
    waiter = undefined;
    w?.reject(err);
  };
  socket.on("data", (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    if (!waiter) return;
    let parsed: { answer: HttpAnswer; rest: Buffer } | undefined;
    try {
      parsed = parseResponse(buffered);
    } catch (err) {
      return fail(err as Error);
    }
    if (!parsed) return;
    buffered = parsed.rest;
    const w = waiter;
    waiter = undefined;
    w.resolve(parsed.answer);
  });
  // The server may close an idle keep-alive connection (Next: after 5 s); a request on it then fails
  // at once instead of waiting for an answer that never comes.
  let closed = false;
  socket.on("error", fail);
  socket.on("close", () => {
    closed = true;
    fail(new Error("connection closed"));
  });

  return {
    request(method, path, headers, body = "") {
      if (waiter) return Promise.reject(new Error("one request at a time on a connection"));
      if (closed) return Promise.reject(new Error("connection closed"));
      const payload = Buffer.from(body, "utf8");
      let head = `${method} ${path} HTTP/1.1\r\nhost: ${host}\r\nconnection: keep-alive\r\ncontent-length: ${payload.length}\r\n`;
      for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
      return new Promise<HttpAnswer>((resolve, reject) => {
        waiter = { resolve, reject };
        socket.write(Buffer.concat([Buffer.from(head + "\r\n", "latin1"), payload]));
      });
    },
    close: () => socket.destroy(),
  };
}

// One whole response at the front of `buf`, or undefined when more bytes are needed.
function parseResponse(buf: Buffer): { answer: HttpAnswer; rest: Buffer } | undefined {
  const headEnd = buf.indexOf("\r\n\r\n");
  if (headEnd < 0) return undefined;
  const lines = buf.subarray(0, headEnd).toString("latin1").split("\r\n");
  const status = Number(lines[0]!.split(" ")[1]);
  if (!Number.isInteger(status)) throw new Error(`not an HTTP response: ${lines[0]}`);
  let length: number | undefined;
  let chunked = false;
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "content-length") length = Number(value);
    if (name === "transfer-encoding" && value.toLowerCase().includes("chunked")) chunked = true;
  }
  let at = headEnd + 4;
  if (!chunked) {
    const end = at + (length ?? 0);
    if (buf.length < end) return undefined;
    return { answer: { status, body: buf.subarray(at, end) }, rest: buf.subarray(end) };
  }
  const parts: Buffer[] = [];
  for (;;) {
    const lineEnd = buf.indexOf("\r\n", at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(buf.subarray(at, lineEnd).toString("latin1"), 16);
    if (Number.isNaN(size)) throw new Error("bad chunk size");
    const dataStart = lineEnd + 2;
    if (size === 0) {
      // No trailers are expected: the last chunk is followed by an empty line.
      if (buf.length < dataStart + 2) return undefined;
      return { answer: { status, body: Buffer.concat(parts) }, rest: buf.subarray(dataStart + 2) };
    }
    if (buf.length < dataStart + size + 2) return undefined;
    parts.push(buf.subarray(dataStart, dataStart + size));
    at = dataStart + size + 2;
  }
}
