// Reads a request body with LINE's 2 MB limit. Past the limit the rest is drained (up to a hard cap)
// so the client sees a clean 413 instead of a broken pipe.
import type { IncomingMessage } from "node:http";

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
const DRAIN_CAP_BYTES = 64 * 1024 * 1024;

export type BodyResult = { ok: true; body: Buffer } | { ok: false; tooLarge: true };

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        if (size > DRAIN_CAP_BYTES) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? { ok: false, tooLarge: true } : { ok: true, body: Buffer.concat(chunks) }));
    req.on("error", (err) => (tooLarge ? resolve({ ok: false, tooLarge: true }) : reject(err)));
  });
}
