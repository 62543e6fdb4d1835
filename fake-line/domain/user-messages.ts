// Messages fake users sent to the account, kept so that content can be fetched (api-data paths)
// and messages can be unsent. Binary bytes are generated on demand from the record.
export type UserMessageKind = "text" | "image" | "video" | "audio" | "file" | "location" | "sticker";

export type UserMessage = {
  id: string;
  kind: UserMessageKind;
  userId: string;
  chatId: string;
  sentAt: number;
  /** contentProvider.type "external": LINE cannot serve the bytes. */
  external: boolean;
  durationMs?: number;
  fileName?: string;
  unsent: boolean;
};

const MAX_MESSAGES = 100_000;

export class UserMessages {
  #messages = new Map<string, UserMessage>();

  add(message: UserMessage): void {
    this.#messages.set(message.id, message);
    if (this.#messages.size > MAX_MESSAGES) {
      const oldest = this.#messages.keys().next().value;
      if (oldest !== undefined) this.#messages.delete(oldest);
    }
  }

  get(id: string): UserMessage | undefined {
    return this.#messages.get(id);
  }
}
