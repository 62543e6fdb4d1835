import type { BotAnswer } from "./post-to-bot";

const FIRST_RETRY_MS = 1000;
const LONGEST_WAIT_MS = 10 * 60_000;
/** Failures in a row after which a destination is left alone for a while (the breaker opens). */
export const BREAKER_THRESHOLD = 5;
// The breaker's pause doubles from 2 s to at most 15 s: one probe every 15 s is no burden on a bot that is
// down, and a bot that is back is found within seconds.
export const BREAKER_FIRST_MS = 2000;
export const BREAKER_LONGEST_MS = 15_000;
/** LINE's reply tokens are good for about a minute after the event. */
export const REPLY_TOKEN_MS = 60_000;

export type Verdict = "succeeded" | "refused" | "retry";

/**
 * What an answer means, as LINE treats a webhook's: 2xx delivered; network errors, timeouts, 5xx, 408
 * and 429 worth another try; any other answer the bot's refusal (a redirect included: LINE does not
 * follow them either), not retried.
 */
export function verdict(answer: Pick<BotAnswer, "statusCode">): Verdict {
  const s = answer.statusCode;
  if (s === null) return "retry";
  if (s >= 200 && s < 300) return "succeeded";
  if (s >= 500 || s === 408 || s === 429) return "retry";
  return "refused";
}

/**
 * When to try again after `attempt` failed tries: 1 s, 2 s, 4 s, … up to 10 min, each up to 25 % later at random
 * jitter so that a backlog does not come back in step; a 429's Retry-After when it asks for longer.
 */
export function nextAttemptDelay(attempt: number, retryAfterMs: number | null, random = Math.random): number {
  const base = Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  const jittered = base * (1 + 0.25 * random());
  return Math.round(Math.min(LONGEST_WAIT_MS, Math.max(jittered, retryAfterMs ?? 0)));
}
