// What each chat (a user's 1:1 chat with the account, a group, a room) actually received. One entry
// per send request; the same entry object is shared by all recipients of a multicast or broadcast.
export type SendKind = "reply" | "push" | "multicast" | "broadcast" | "narrowcast";

export type DeliveredMessage = { id: string; quoteToken?: string; message: Record<string, unknown> };

export type InboxEntry = {
  requestId: string;
  kind: SendKind;
  messages: DeliveredMessage[];
  notificationDisabled: boolean;
  sentAt: string;
};

export class Inboxes {
  #inboxes = new Map<string, InboxEntry[]>();

  constructor(private readonly limit: () => number) {}

  add(chatId: string, entry: InboxEntry): void {
    const limit = this.limit();
    if (limit <= 0) return;
    let list = this.#inboxes.get(chatId);
    if (!list) {
      list = [];
      this.#inboxes.set(chatId, list);
    }
    list.push(entry);
    if (list.length > limit) list.splice(0, list.length - limit);
  }

  get(chatId: string): readonly InboxEntry[] {
    return this.#inboxes.get(chatId) ?? [];
  }

  clear(chatId?: string): void {
    if (chatId === undefined) this.#inboxes.clear();
    else this.#inboxes.delete(chatId);
  }
}
