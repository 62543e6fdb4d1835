import type { RelayDestinationRow } from "@/db/queries/relay-destinations";
import { env } from "@/lib/env.js";
import { lineSignature } from "./forward-body";
import { createBotAgents, postToBot } from "./post-to-bot";
import { openSecret } from "@/lib/platform/secret-box";

/**
 * "Send a test": LINE's own verification body (no events), signed as this destination's deliveries are,
 * and what the bot answered. A bot that passes this accepts what relay sends.
 */
export async function sendTest(destination: RelayDestinationRow, options: { botUserId: string | null }) {
  const e = env();
  const body = Buffer.from(JSON.stringify({ destination: options.botUserId ?? "", events: [] }), "utf8");
  const secret = destination.signing === "own" && destination.secretCiphertext ? openSecret(destination.secretCiphertext) : (e.LINE_CHANNEL_SECRET ?? null);
  const agents = createBotAgents({ allowPrivate: e.relayAllowPrivate });
  try {
    const answer = await postToBot(agents, {
      url: destination.url,
      body,
      signature: secret ? lineSignature(body, secret) : null,
      timeoutMs: destination.timeoutMs,
    });
    return {
      ok: answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300,
      statusCode: answer.statusCode,
      durationMs: answer.durationMs,
      responseHead: answer.head,
      error: answer.error,
      signed: secret !== null,
    };
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
}
