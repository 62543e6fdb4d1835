import { expect } from "vitest";
import * as acceptRoute from "@/app/api/invitations/accept/route";
import * as invitationsRoute from "@/app/api/invitations/route";
import * as scheduleRoute from "@/app/api/schedules/[id]/route";
import * as schedulesRoute from "@/app/api/schedules/route";
import * as setupRoute from "@/app/api/setup/route";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import { getRuntime } from "@/lib/runtime/runtime";
import { applyFriendChanges } from "@/db/queries/friends-projection";
// Not a React hook, whatever its name says: the process runtime pointed at a fresh database.
import { useProcessDatabase as processDatabase } from "./process-db";
import { RouteClient } from "./route-client";

// The console as its routes see it, on a fresh database and the fake LINE platform, with an admin, an
// operator and a viewer signed in: what the scheduling tests share.

export interface ScheduleWorld {
  fake: FakeLine;
  admin: RouteClient;
  operator: RouteClient;
  viewer: RouteClient;
  /** Friends of the fake's bot. */
  friends: string[];
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  /** Make the first `n` friends known to the console, as its friends list would have them. */
  knownFriends(n: number): Promise<string[]>;
  cleanup(): Promise<void>;
}

export async function startScheduleWorld(): Promise<ScheduleWorld> {
  const fake = await startFakeLine({ port: 0, friends: 60, audienceReadyMs: 100 });
  const cleanup = await processDatabase({
    LINE_CHANNEL_SECRET: fake.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
  });
  const admin = new RouteClient("203.0.113.1");
  const operator = new RouteClient("203.0.113.2");
  const viewer = new RouteClient("203.0.113.3");
  const setup = await admin.call(setupRoute.POST, "POST", "/api/setup", {
    body: { name: "Aiko Admin", email: "aiko@example.com", password: "plum-blossom-42-tea" },
  });
  expect(setup.status).toBe(201);
  for (const [client, email, role] of [
    [operator, "otto@example.com", "operator"],
    [viewer, "vera@example.com", "viewer"],
  ] as const) {
    const invited = await admin.call(invitationsRoute.POST, "POST", "/api/invitations", { body: { email, role } });
    const token = new URL(invited.json.link as string).pathname.split("/").pop()!;
    const accepted = await client.call(acceptRoute.POST, "POST", "/api/invitations/accept", {
      body: { token, name: email.split("@")[0], password: "green-tea-latte-77" },
    });
    expect(accepted.status).toBe(201);
  }
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${fake.url}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res.status === 204 ? null : res.json();
  };
  const friends = ((await control("GET", "/__fake/friends?status=following&limit=20")) as { users: Array<{ userId: string }> }).users.map((u) => u.userId);
  return {
    fake,
    admin,
    operator,
    viewer,
    friends,
    control,
    async knownFriends(n) {
      const { db, firstChannelId } = await getRuntime();
      const now = new Date();
      const ids = friends.slice(0, n);
      await applyFriendChanges(
        db,
        ids.map((userId) => ({ channelId: firstChannelId, userId, firstSeen: now, lastActive: now, status: "friend", statusAt: now, followed: true })),
      );
      return ids;
    },
    async cleanup() {
      await cleanup();
      await fake.close();
    },
  };
}

/** An ISO time `ms` from now. */
export const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

export const text = (t: string) => ({ messages: [{ type: "text", text: t }] });

/** POST /api/schedules as `client`. */
export function schedule(client: RouteClient, body: Record<string, unknown>) {
  return client.call(schedulesRoute.POST, "POST", "/api/schedules", { body: { runAt: inMs(3_600_000), timeZone: "Asia/Tokyo", ...body } });
}

export function readSchedule(client: RouteClient, id: string) {
  return client.call(scheduleRoute.GET, "GET", `/api/schedules/${id}`, { params: { id } });
}

export function patchSchedule(client: RouteClient, id: string, body: Record<string, unknown>) {
  return client.call(scheduleRoute.PATCH, "PATCH", `/api/schedules/${id}`, { params: { id }, body });
}
