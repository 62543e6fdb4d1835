import { fakeControl } from "./fake-control";

export interface DemoScreen {
  loading: { startedAt: string; until: string } | null;
  readUpTo: { messageId: string; sentAt: string } | null;
}

/**
 * Demo mode: a friend's (or group's) chat as their phone shows it — what the account's sends delivered
 * and, for a friend, the account's loading animation while it runs and how far their messages are read.
 */
export async function demoInbox(chatId: string, channel: { lineChannelId: string | null }) {
  const [inbox, screen] = await Promise.all([
    fakeControl<{ entries: unknown[] }>("GET", `inbox/${chatId}?limit=200`, undefined, channel),
    chatId.startsWith("U") ? fakeControl<DemoScreen>("GET", `friends/${chatId}/chat`, undefined, channel) : Promise.resolve(null),
  ]);
  return { ...inbox, loading: screen?.loading ?? null, readUpTo: screen?.readUpTo ?? null };
}
