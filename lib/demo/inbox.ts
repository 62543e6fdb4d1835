import { fakeControl, type FakeChannelRef } from "./fake-control";

export interface DemoScreen {
  loading: { startedAt: string; until: string } | null;
  readUpTo: { messageId: string; sentAt: string } | null;
}

/**
 * Demo mode: a friend's (or group's) chat as their phone shows it — what the account's sends delivered
 * and, for a friend, the account's loading animation while it runs and how far their messages are read.
 */
export async function demoInbox(channel: FakeChannelRef, chatId: string) {
  const [inbox, screen] = await Promise.all([
    fakeControl<{ entries: unknown[] }>(channel, "GET", `inbox/${chatId}?limit=200`),
    chatId.startsWith("U") ? fakeControl<DemoScreen>(channel, "GET", `friends/${chatId}/chat`) : Promise.resolve(null),
  ]);
  return { ...inbox, loading: screen?.loading ?? null, readUpTo: screen?.readUpTo ?? null };
}
