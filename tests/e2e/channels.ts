import { expect, type APIRequestContext } from "@playwright/test";
import { fakeGet } from "./fake-line";

// A second Official Account in the console, for the tests of several channels. The fake LINE platform
// runs five channels (playwright.config.ts); the console starts with the first ("default") and this adds
// the fifth through the API, as an admin does in Settings → Channels (the others are other specs'). It stays for the rest of the run:
// specs running beside each other may both need it, and a removal would pull it from under the other.

export const SECOND_CHANNEL = { key: "harbour", name: "Harbour Bakery" };

interface FakeChannel {
  channelId: string;
  channelSecret: string;
  basicId: string;
}

export interface ConsoleChannel {
  key: string;
  name: string;
  basicId: string | null;
  lineChannelId: string;
  first: boolean;
}

/** Adds the fake's second channel (once per run; later calls find it there) and returns it as the console has it. */
export async function addSecondChannel(admin: APIRequestContext): Promise<ConsoleChannel> {
  const { channels } = await fakeGet<{ channels: FakeChannel[] }>(admin, "/__fake/channels");
  const fake = channels[4];
  if (!fake) throw new Error("The fake LINE platform runs fewer than five channels: see playwright.config.ts");
  const added = await admin.post("/api/channels", { data: { lineChannelId: fake.channelId, secret: fake.channelSecret, ...SECOND_CHANNEL } });
  // 409: another spec (or this one's retry) added it first, perhaps under another key: found by its LINE id.
  expect([201, 409], await added.text()).toContain(added.status());
  // Pages read the channel list from a per-process cache kept two seconds (lib/channel/access.ts), and the
  // pages' copy of that module is not the API routes' (which forgot theirs on adding): wait it out, also
  // when another spec added it a moment ago (409).
  await new Promise((resolve) => setTimeout(resolve, 2_100));
  const found = (await consoleChannels(admin)).find((c) => c.lineChannelId === fake.channelId);
  if (!found) throw new Error(`Channel ${fake.channelId} is not in the console`);
  return found;
}

/** The channels the caller sees, the first configured first. */
export async function consoleChannels(request: APIRequestContext): Promise<ConsoleChannel[]> {
  return ((await (await request.get("/api/channels")).json()) as { items: ConsoleChannel[] }).items;
}

/** The first channel, which the console makes from its environment. */
export async function firstChannel(request: APIRequestContext): Promise<ConsoleChannel> {
  const first = (await consoleChannels(request)).find((c) => c.first);
  if (!first) throw new Error("No first channel");
  return first;
}

/** The id of the member with this email (for PATCH /api/members/{id}). */
export async function memberId(admin: APIRequestContext, email: string): Promise<string> {
  const { items } = (await (await admin.get("/api/members")).json()) as { items: Array<{ id: string; email: string }> };
  const found = items.find((m) => m.email === email);
  if (!found) throw new Error(`No member ${email}`);
  return found.id;
}
