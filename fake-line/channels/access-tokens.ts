// Every channel access token the fake accepts: each channel's long-lived token, plus those issued by the
// token API (short-lived v2 tokens for 30 days, stateless v3 tokens for 15 minutes). Expiry follows the
// fake clock, so `POST /__fake/clock/advance` expires them.
import { randomBytes } from "node:crypto";

export type TokenKind = "long-lived" | "short-lived" | "stateless";

export type AccessToken = {
  token: string;
  channelId: string;
  kind: TokenKind;
  issuedAt: number;
  /** null = does not expire (long-lived). */
  expiresAt: number | null;
  revoked: boolean;
};

export type TokenCheck = { state: "valid"; entry: AccessToken } | { state: "expired" | "revoked"; entry: AccessToken } | { state: "unknown" };

export const SHORT_LIVED_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const STATELESS_TTL_MS = 15 * 60 * 1000;
/** LINE keeps at most 30 short-lived tokens per channel; issuing one more revokes the oldest. */
export const SHORT_LIVED_PER_CHANNEL = 30;

export class AccessTokens {
  readonly #tokens = new Map<string, AccessToken>();

  addLongLived(token: string, channelId: string, now: number): void {
    this.#tokens.set(token, { token, channelId, kind: "long-lived", issuedAt: now, expiresAt: null, revoked: false });
  }

  issue(channelId: string, kind: Exclude<TokenKind, "long-lived">, now: number): AccessToken {
    if (kind === "short-lived") {
      const live = [...this.#tokens.values()].filter((t) => t.channelId === channelId && t.kind === "short-lived" && !t.revoked && !expired(t, now));
      for (const old of live.slice(0, Math.max(0, live.length - SHORT_LIVED_PER_CHANNEL + 1))) old.revoked = true;
    }
    // Real tokens are opaque base64 (v2) or a JWT (v3); "FAKE" marks them as never real.
    const token = `FAKE${randomBytes(kind === "stateless" ? 96 : 126).toString("base64")}`;
    const entry: AccessToken = {
      token,
      channelId,
      kind,
      issuedAt: now,
      expiresAt: now + (kind === "stateless" ? STATELESS_TTL_MS : SHORT_LIVED_TTL_MS),
      revoked: false,
    };
    this.#tokens.set(token, entry);
    return entry;
  }

  check(token: string, now: number): TokenCheck {
    const entry = this.#tokens.get(token);
    if (!entry) return { state: "unknown" };
    if (entry.revoked) return { state: "revoked", entry };
    if (expired(entry, now)) return { state: "expired", entry };
    return { state: "valid", entry };
  }

  revoke(token: string): AccessToken | undefined {
    const entry = this.#tokens.get(token);
    if (entry) entry.revoked = true;
    return entry;
  }

  /** Forgets issued tokens and revocations (a reset); long-lived tokens stay valid. */
  reset(): void {
    for (const [token, entry] of this.#tokens) {
      if (entry.kind === "long-lived") entry.revoked = false;
      else this.#tokens.delete(token);
    }
  }

  /** Issued tokens of a channel that still work (for the control API). */
  live(channelId: string, now: number): AccessToken[] {
    return [...this.#tokens.values()].filter((t) => t.channelId === channelId && !t.revoked && !expired(t, now));
  }
}

function expired(t: AccessToken, now: number): boolean {
  return t.expiresAt !== null && now >= t.expiresAt;
}
