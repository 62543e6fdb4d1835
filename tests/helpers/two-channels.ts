import { sql } from "drizzle-orm";
import { expect } from "vitest";
import * as webhookChannelRoute from "@/app/api/line/webhook/[channel]/route";
import * as tagsRoute from "@/app/api/contacts/tags/route";
import * as conversationSendRoute from "@/app/api/contacts/[userId]/messages/route";
import * as draftsRoute from "@/app/api/drafts/route";
import * as multicastRoute from "@/app/api/messages/multicast/route";
import * as pushRoute from "@/app/api/messages/push/route";
import * as schedulesRoute from "@/app/api/schedules/route";
import * as richMenuImageRoute from "@/app/api/rich-menus/[id]/image/route";
import * as richMenuLinksRoute from "@/app/api/rich-menus/[id]/links/route";
import * as tabbedMenusRoute from "@/app/api/rich-menus/tabbed/route";
import * as tabbedPublishRoute from "@/app/api/rich-menus/tabbed/[tabbedMenuId]/publish/route";
import { flatPng } from "@/lib/rich-menus/flat-png";
import * as destinationsRoute from "@/app/api/relay/destinations/route";
import * as replaysRoute from "@/app/api/relay/replays/route";
import * as audienceRoute from "@/app/api/segments/[id]/audience/route";
import * as segmentsRoute from "@/app/api/segments/route";
import * as testRecipientsRoute from "@/app/api/test-recipients/route";
import type { FakeLine } from "@/fake-line/server";
import { contactJobs } from "@/lib/contacts/jobs";
import { mediaJobs } from "@/lib/media/jobs";
import { jobRegistry } from "@/lib/platform/background/job-registry";
import { getRuntime } from "@/lib/runtime/runtime";
import { segmentJobs } from "@/lib/segments/jobs";
import { createSendWorker } from "@/lib/sends/worker";
import { selectRows } from "./channel-rows";
import { control, projectAll, runJobs } from "./contacts";
import type { RouteClient } from "./route-client";
import { webhookRequest } from "./webhook";

// A console channel with something of everything in it, made through the console's own routes as its
// admin would: friends who wrote (text, an image, in a group), delivered through the channel's webhook
// URL, their profiles and media fetched from its bot, tags, a segment and its audience, a draft, a test
// recipient, a relay destination and a replay, sends (push, multicast, an answer from a conversation).

type Json = Record<string, unknown>;

export interface SeedTarget {
  /** The channel's key in the console. */
  key: string;
  /** Its bot at the fake LINE platform. */
  fake: FakeLine["channels"][number];
  /** Words for its names and texts. */
  label: string;
}

export interface Seeded {
  key: string;
  channelId: number;
  lineChannelId: string;
  secret: string;
  botUserId: string;
  /** Friends who wrote; `userId` is the first. */
  userIds: string[];
  userId: string;
  /** The group they wrote in. */
  chatId: string;
  /** The first friend's message, and its event. */
  text: string;
  eventId: number;
  deliveryId: string;
  imageMessageId: string;
  tag: string;
  segmentId: string;
  draftId: string;
  scheduleId: string;
  testRecipientId: string;
  destinationId: number;
  replayId: number;
  relayItemId: number;
  pushSendId: string;
  multicastSendId: string;
  /** A tabbed menu of two tabs, published; the first tab, and a run linking it to the first friend. */
  tabbedMenuId: string;
  richMenuId: string;
  /** Its first tab's id on LINE (the fake), which the simulator's image route is asked for. */
  lineRichMenuId: string;
  linkRunId: string;
  /** The multicast's campaign (made with it). */
  campaignId: string;
  /** LINE's request id of the multicast (once sent: runSends). */
  lineRequestId: string;
  /** Set by tests that make them: a member of this channel alone, one of their sessions, an open invitation, an API key. */
  memberId: string;
  memberSessionId: string;
  invitationId: string;
  apiKeyId: string;
}

export async function seedChannel(fake: FakeLine, admin: RouteClient, t: SeedTarget): Promise<Seeded> {
  const { db } = await getRuntime();
  const headers = { "x-oa-channel": t.key };
  const as = <T = Json>(handler: Parameters<RouteClient["call"]>[0], path: string, body: unknown, params?: Record<string, string>) =>
    admin.call(handler, "POST", path, { body, params, headers }).then((res) => {
      expect(res.status, `${path}: ${JSON.stringify(res.json)}`).toBeLessThan(300);
      return res.json as T;
    });
  const at = `/__fake/channels/${t.fake.channelId}`;
  const userIds = (await control<{ users: Array<{ userId: string }> }>(fake, "GET", `${at}/friends?status=following&limit=3`)).users.map((u) => u.userId);
  const [u0, u1] = userIds as [string, string];

  const events: Json[] = [];
  const act = async (path: string, body: unknown) => events.push(...(await control<{ events: Json[] }>(fake, "POST", `${at}${path}`, body)).events);
  const text = `${t.label} asks when the shop opens`;
  await act(`/friends/${u0}/messages`, { type: "text", text });
  await act(`/friends/${u1}/messages`, { type: "image" });
  await act("/chats", { kind: "group", name: `${t.label} regulars`, memberIds: [u0, u1] });
  const chatId = (events.at(-1)!.source as { groupId: string }).groupId;
  await act(`/friends/${u0}/messages`, { type: "text", text: `${t.label} says hello to the group`, chatId });
  const body = JSON.stringify({ destination: t.fake.botUserId, events });
  const delivered = await webhookChannelRoute.POST(
    webhookRequest(body, { secret: t.fake.channelSecret, url: `http://console.test/api/line/webhook/${t.key}` }),
    {
      params: Promise.resolve({ channel: t.key }),
    },
  );
  expect(delivered.status).toBe(200);
  await projectAll(db);
  await runChannelJobs();

  const [channel] = await selectRows<{ id: number }>(db, sql`select id from channels where slug = ${t.key}`);
  const channelId = channel!.id;
  const [event] = await selectRows<{ id: string | number; delivery_id: string }>(
    db,
    sql`select id, delivery_id from events where channel_id = ${channelId} and text = ${text}`,
  );
  const [image] = await selectRows<{ message_id: string }>(db, sql`select message_id from events where channel_id = ${channelId} and message_type = 'image'`);

  const tag = `${t.label} VIP`;
  await as(tagsRoute.POST, "/api/contacts/tags", { userIds: [u0], add: [tag] });
  const segment = await as<{ id: string }>(segmentsRoute.POST, "/api/segments", { name: `${t.label} VIP segment`, filter: { tags: { values: [tag] } } });
  await as(audienceRoute.POST, `/api/segments/${segment.id}/audience`, {}, { id: segment.id });
  const draft = await as<{ id: string }>(draftsRoute.POST, "/api/drafts", { kind: "push", title: `${t.label} opening notice`, body: { to: u0 } });
  const scheduled = await as<{ schedule: { id: string } }>(schedulesRoute.POST, "/api/schedules", {
    kind: "push",
    request: { to: u0, messages: [{ type: "text", text: `${t.label}: see you tomorrow` }] },
    runAt: new Date(Date.now() + 86_400_000).toISOString(),
    timeZone: "Asia/Taipei",
    title: `${t.label} tomorrow's reminder`,
  });
  const tester = await as<{ id: string }>(testRecipientsRoute.POST, "/api/test-recipients", { userId: u0, label: `${t.label} tester` });
  const destination = await as<{ id: number }>(destinationsRoute.POST, "/api/relay/destinations", {
    name: `${t.key}-team-bot`,
    url: `http://127.0.0.1:9/${t.key}-team-bot`,
  });
  const replay = await as<{ id: number }>(replaysRoute.POST, "/api/relay/replays", {
    scope: { kind: "event", eventId: Number(event!.id) },
    target: { destinationId: destination.id },
  });
  const [item] = await selectRows<{ id: string | number }>(db, sql`select id from relay_items where replay_id = ${replay.id}`);
  const messages = [{ type: "text", text: `${t.label}: we open at ten` }];
  const push = await as<{ id: string }>(pushRoute.POST, "/api/messages/push", { to: u0, messages });
  const multicast = await as<{ id: string; campaignId: string }>(multicastRoute.POST, "/api/messages/multicast", { to: [u0, u1], messages });
  await as(conversationSendRoute.POST, `/api/contacts/${u1}/messages`, { messages, allowPush: true }, { userId: u1 });
  const { tabbedMenuId, richMenuId, lineRichMenuId, linkRunId } = await seedRichMenus(admin, t, u0);

  return {
    key: t.key,
    channelId,
    lineChannelId: t.fake.channelId,
    secret: t.fake.channelSecret,
    botUserId: t.fake.botUserId,
    userIds,
    userId: u0,
    chatId,
    text,
    eventId: Number(event!.id),
    deliveryId: event!.delivery_id,
    imageMessageId: image!.message_id,
    tag,
    segmentId: segment.id,
    draftId: draft.id,
    scheduleId: scheduled.schedule.id,
    testRecipientId: tester.id,
    destinationId: destination.id,
    replayId: replay.id,
    relayItemId: Number(item!.id),
    pushSendId: push.id,
    multicastSendId: multicast.id,
    campaignId: multicast.campaignId,
    tabbedMenuId,
    richMenuId,
    lineRichMenuId,
    linkRunId,
    lineRequestId: "",
    memberId: "",
    memberSessionId: "",
    invitationId: "",
    apiKeyId: "",
  };
}

// Rich menus: a tabbed menu (two tabs with images, published) and a run linking its first tab to a friend.
async function seedRichMenus(admin: RouteClient, t: SeedTarget, userId: string) {
  const headers = { "x-oa-channel": t.key };
  const size = { width: 800, height: 270 };
  const tab = (name: string, other: string) => ({
    name: `${t.label} ${name} tab`,
    chatBarText: name,
    selected: false,
    size,
    areas: [{ bounds: { x: 0, y: 0, width: 800, height: 270 }, action: { type: "richmenuswitch", richMenuAliasId: other, data: `${t.key}-${other}` } }],
  });
  const made = await admin.call(tabbedMenusRoute.POST, "POST", "/api/rich-menus/tabbed", {
    headers,
    body: {
      name: `${t.label} tabs`,
      tabs: [
        { body: tab("Shop", `${t.key}-info`), aliasId: `${t.key}-shop` },
        { body: tab("Info", `${t.key}-shop`), aliasId: `${t.key}-info` },
      ],
    },
  });
  expect(made.status, JSON.stringify(made.json)).toBe(201);
  const tabbedMenuId = made.json.tabbedMenu.id as string;
  const [richMenuId, second] = made.json.tabbedMenu.richMenuIds as [string, string];
  for (const id of [richMenuId, second]) {
    const up = await admin.call(richMenuImageRoute.PUT, "PUT", `/api/rich-menus/${id}/image`, {
      params: { id },
      body: flatPng(size.width, size.height, [200, 100, 50]),
      headers: { ...headers, "content-type": "image/png" },
    });
    expect(up.status, JSON.stringify(up.json)).toBe(200);
  }
  const published = await admin.call(tabbedPublishRoute.POST, "POST", `/api/rich-menus/tabbed/${tabbedMenuId}/publish`, { params: { tabbedMenuId }, headers });
  expect(published.status, JSON.stringify(published.json)).toBe(200);
  const run = await admin.call(richMenuLinksRoute.POST, "POST", `/api/rich-menus/${richMenuId}/links`, {
    params: { id: richMenuId },
    headers,
    body: { target: { kind: "friends", userIds: [userId] } },
  });
  expect(run.status, JSON.stringify(run.json)).toBe(202);
  const lineRichMenuId = (published.json.richMenus as Array<{ id: string; lineRichMenuId: string }>).find((m) => m.id === richMenuId)!.lineRichMenuId;
  return { tabbedMenuId, richMenuId, lineRichMenuId, linkRunId: run.json.run.id as string };
}

/** Make the LINE requests of every stored send, each as its own channel's bot (as the background worker does). */
export async function runSends() {
  const { db, line } = await getRuntime();
  const worker = createSendWorker({ db, clients: line, workerId: "test-sends" });
  for (let i = 0; i < 50; i++) {
    const taken = await worker.tick();
    await worker.drain();
    if (taken === 0) return;
  }
}

/** LINE's request id of a send's first request (after runSends). */
export async function lineRequestIdOf(sendId: string): Promise<string> {
  const { db } = await getRuntime();
  const [chunk] = await selectRows<{ line_request_id: string | null }>(db, sql`select line_request_id from send_chunks where send_id = ${sendId} order by seq`);
  if (!chunk?.line_request_id) throw new Error(`send ${sendId} was not sent`);
  return chunk.line_request_id;
}

// Profiles, follower lists and media, fetched from each channel's own bot as the runtime's jobs do.
async function runChannelJobs() {
  const { db, line } = await getRuntime();
  const storage = () => ({ storage: "database" as const, dir: ".tmp/media-test", maxBytes: 50 * 1024 * 1024 });
  await runJobs(db, jobRegistry([contactJobs({ clients: line }), mediaJobs({ clients: line, storage }), segmentJobs({ clients: line })]).handlers);
}
