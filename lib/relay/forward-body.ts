import crypto from "node:crypto";
import type { ClaimedRelayItem } from "@/db/queries/relay-items";

/** LINE's signature: HMAC-SHA256 of the exact bytes with the secret, Base64. */
export function lineSignature(body: Buffer, secret: string): string {
  return crypto.createHmac("sha256", secret).update(body).digest("base64");
}

/**
 * The bytes a destination gets and their signature. A whole live delivery goes as LINE sent it (its
 * bytes; with LINE's own signature when the destination is signed "as LINE signed it"). A part of one
 * (a filter kept some events, or some were already stored) is rebuilt from the kept events' raw JSON,
 * and a replay marks each event `deliveryContext.isRedelivery: true`: both are signed again, with the
 * destination's secret or, for "as LINE", the channel secret the bot also holds.
 */
export function forwardBody(item: ClaimedRelayItem, signing: { mode: "line" | "own"; secret: string | null; channelSecret: string | null }) {
  const signer = signing.mode === "own" ? signing.secret : signing.channelSecret;
  if (item.replayId === null && item.whole) {
    const body = Buffer.from(item.deliveryBody, "utf8");
    if (signing.mode === "line" && item.lineSignature) return { body, signature: item.lineSignature };
    return { body, signature: signer ? lineSignature(body, signer) : null };
  }
  const events = item.replayId === null ? (item.eventsJson ?? "") : redelivered(item.eventsJson ?? "");
  const body = Buffer.from(`{"destination":${JSON.stringify(item.destination ?? "")},"events":[${events}]}`, "utf8");
  return { body, signature: signer ? lineSignature(body, signer) : null };
}

// Each event of a replay as LINE sends a redelivery: the same event, deliveryContext.isRedelivery true.
function redelivered(eventsJson: string): string {
  const list = JSON.parse(`[${eventsJson}]`) as Array<Record<string, unknown>>;
  return list.map((e) => JSON.stringify({ ...e, deliveryContext: { ...(e.deliveryContext as object | undefined), isRedelivery: true } })).join(",");
}
