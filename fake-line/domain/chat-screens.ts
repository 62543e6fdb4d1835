// What a friend's one-on-one chat with the account shows besides the messages: LINE's loading
// animation (started by the account for some seconds; it ends early when a message from the account
// arrives) and how far the account has read their messages (mark as read by token: the message the
// token came with and every earlier one). Read tokens are issued with the friend's 1:1 messages.

export type ReadToken = { userId: string; messageId: string; sentAt: number };
export type LoadingState = { startedAt: number; until: number };

const MAX_TOKENS = 100_000;

export class ChatScreens {
  #tokens = new Map<string, ReadToken>();
  #loading = new Map<string, LoadingState>();
  #readUpTo = new Map<string, ReadToken>();

  /** Remember a markAsReadToken handed out with a message (the oldest are forgotten past 100,000). */
  addReadToken(token: string, read: ReadToken): void {
    this.#tokens.set(token, read);
    if (this.#tokens.size > MAX_TOKENS) {
      const oldest = this.#tokens.keys().next().value;
      if (oldest !== undefined) this.#tokens.delete(oldest);
    }
  }

  /** Marks the token's message and those before it as read; undefined for a token never issued. */
  markRead(token: string): ReadToken | undefined {
    const read = this.#tokens.get(token);
    if (!read) return undefined;
    const current = this.#readUpTo.get(read.userId);
    if (!current || read.sentAt >= current.sentAt) this.#readUpTo.set(read.userId, read);
    return read;
  }

  startLoading(userId: string, seconds: number, now: number): void {
    this.#loading.set(userId, { startedAt: now, until: now + seconds * 1000 });
  }

  /** A message from the account reached this chat: its loading animation ends. */
  messageArrived(chatId: string): void {
    this.#loading.delete(chatId);
  }

  screen(userId: string, now: number): { loading: LoadingState | null; readUpTo: ReadToken | null } {
    const loading = this.#loading.get(userId);
    return { loading: loading && loading.until > now ? loading : null, readUpTo: this.#readUpTo.get(userId) ?? null };
  }
}
