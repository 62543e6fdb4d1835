import { validateSignature } from "@line/bot-sdk";
import type { DeliveryRecord } from "@/db/queries/webhook";
import { toEventRow } from "@/lib/events/types/columns";
import { jsonNestingExceeds, WEBHOOK_MAX_NESTING } from "@/lib/platform/http/json-nesting";
import { callbackBodySchema, type CallbackBody } from "./callback-schema";
import { readBodyLimited } from "@/lib/platform/http/read-body";

// The webhook's steps, in the order LINE's delivery goes through them: raw body (capped) → signature →
// parse → rows. Each answers what the next step needs, or why the delivery is refused (the reason code
// the Deliveries page translates, and what was found). Storing within the deadline and answering are
// the intake's (./intake.ts); the benchmark's baseline runs these same steps without storing.

export const MAX_BODY_BYTES = 1024 * 1024;

export type Refusal = Pick<DeliveryRecord, "statusCode" | "signature" | "reason" | "reasonDetail"> & { statusCode: 400 | 401 | 413 };

/** 1. The raw bytes, exactly as sent (the signature is over these), never more than MAX_BODY_BYTES. */
export async function readRawBody(req: Request) {
  const read = await readBodyLimited(req, MAX_BODY_BYTES);
  const refusal: Refusal | null = read.tooLarge
    ? {
        statusCode: 413,
        signature: "unchecked",
        reason: "body_too_large",
        reasonDetail: `${read.declaredBytes ?? "more than " + MAX_BODY_BYTES} bytes; the limit is ${MAX_BODY_BYTES}`,
      }
    : null;
  return { bytes: read.bytes, totalBytes: read.totalBytes, refusal };
}

/** 2. LINE's signature over those bytes with the channel secret. */
export function verifySignature(bytes: Buffer, secret: string | undefined, signature: string | null): Refusal | null {
  if (!secret) return { statusCode: 401, signature: "unchecked", reason: "secret_not_configured", reasonDetail: null };
  if (!signature) return { statusCode: 401, signature: "missing", reason: "missing_signature", reasonDetail: null };
  if (!validateSignature(bytes, secret, signature)) return { statusCode: 401, signature: "invalid", reason: "invalid_signature", reasonDetail: null };
  return null;
}

/** 3. The body as LINE's callback: bounded nesting first (before the parser sees it), then JSON, then its shape. */
export function parseCallback(bytes: Buffer): { body: CallbackBody; text: string; refusal: null } | { refusal: Refusal } {
  const invalid = (reason: "invalid_json" | "invalid_body", reasonDetail: string) => ({
    refusal: { statusCode: 400 as const, signature: "valid" as const, reason, reasonDetail },
  });
  if (jsonNestingExceeds(bytes, WEBHOOK_MAX_NESTING)) return invalid("invalid_body", `objects and arrays nested more than ${WEBHOOK_MAX_NESTING} levels deep`);
  const text = bytes.toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return invalid("invalid_json", (err as Error).message);
  }
  const parsed = callbackBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return invalid("invalid_body", `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  return { body: parsed.data, text, refusal: null };
}

/** 4. The delivery and its events as the rows they are stored as. */
export function deliveryRows(base: DeliveryBase, callback: { body: CallbackBody; text: string }, totalBytes: number): DeliveryRecord {
  return {
    ...base,
    statusCode: 200,
    signature: "valid",
    reason: null,
    reasonDetail: null,
    destination: callback.body.destination,
    isVerify: callback.body.events.length === 0,
    body: stripNul(callback.text),
    bodyBytes: totalBytes,
    bodyTruncated: false,
    events: callback.body.events.map((e) => toEventRow(e, base.receivedAt)),
  };
}

export type DeliveryBase = Pick<DeliveryRecord, "id" | "channelId" | "receivedAt" | "userAgent">;

// PostgreSQL text cannot hold U+0000; JSON escapes it, so only a malformed body carries a raw one.
export function stripNul(s: string): string {
  return s.includes("\u0000") ? s.replaceAll("\u0000", "\uFFFD") : s;
}
