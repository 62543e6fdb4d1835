export interface ReadBody {
  bytes: Buffer;
  /** Bytes received (or announced, when the body was refused from its Content-Length alone). */
  totalBytes: number;
  declaredBytes: number | undefined;
  tooLarge: boolean;
}

/**
 * The raw request bytes, exactly as sent (the signature is over these), refusing to buffer more than
 * `max`: an announced Content-Length over the limit is refused unread, a stream that runs past it is cut.
 */
export async function readBodyLimited(req: Request, max: number): Promise<ReadBody> {
  const header = req.headers.get("content-length");
  const declaredBytes = header && /^\d+$/.test(header) ? Number(header) : undefined;
  if (declaredBytes !== undefined && declaredBytes > max) {
    await req.body?.cancel().catch(() => {});
    return { bytes: Buffer.alloc(0), totalBytes: declaredBytes, declaredBytes, tooLarge: true };
  }
  if (!req.body) return { bytes: Buffer.alloc(0), totalBytes: 0, declaredBytes, tooLarge: false };

  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    chunks.push(value);
    if (total > max) {
      // Keep what arrived (the caller keeps its head for diagnosis) and stop reading.
      await reader.cancel().catch(() => {});
      return { bytes: Buffer.concat(chunks), totalBytes: total, declaredBytes, tooLarge: true };
    }
  }
  return { bytes: Buffer.concat(chunks), totalBytes: total, declaredBytes, tooLarge: false };
}
