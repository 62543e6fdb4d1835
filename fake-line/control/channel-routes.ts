// Control API for several channels: the list of channels with their credentials, and one person across
// every channel (their user id differs between providers, which is what LINE does).
import { follow } from "../actors/user-actions";
import type { Channels } from "../channels/channels";
import { providerUserId } from "../channels/shared-people";
import type { Platform } from "../platform";
import type { User } from "../world/types";
import { ControlError, type ControlRoute } from "./control-route";

export const channelRoutes: ControlRoute[] = [
  {
    method: "GET",
    path: "/__fake/channels",
    handle: ({ channels }) => ({
      channels: channels.platforms.map((p) => channels.info(p)),
      providers: providers(channels.platforms),
    }),
  },
  {
    method: "GET",
    path: "/__fake/channels/:channelId",
    handle({ channels, params }) {
      const p = channels.byId(params.channelId ?? "");
      if (!p) throw new ControlError(404, `No channel ${params.channelId}`);
      return channels.info(p);
    },
  },
  {
    method: "GET",
    path: "/__fake/people/:personId",
    handle({ channels, params }) {
      const personId = params.personId ?? "";
      const accounts = channels.platforms.flatMap((p) => {
        const user = [...p.world.users()].find((u) => (u.personId ?? u.id) === personId);
        return user ? [{ channelId: p.channelId, provider: p.channel.provider, userId: user.id, displayName: user.displayName, status: user.status }] : [];
      });
      if (accounts.length === 0) throw new ControlError(404, `No person ${personId}`);
      return { personId, accounts };
    },
  },
  {
    // A person another channel knows adds this one (the addressed channel): they arrive with the user id
    // this channel's provider gives them, so two channels of a provider share it.
    method: "POST",
    path: "/__fake/people/:personId/follow",
    handle({ platform: p, channels, params }) {
      const personId = params.personId ?? "";
      const user = findPerson(p, personId) ?? importPerson(p, channels, personId);
      return { userId: user.id, events: follow(p, user.id) };
    },
  },
];

function findPerson(p: Platform, personId: string): User | undefined {
  return [...p.world.users()].find((u) => (u.personId ?? u.id) === personId);
}

function importPerson(p: Platform, channels: Channels, personId: string): User {
  // The person's own record is where their id is the personId; that channel's provider is their "home".
  const home = channels.platforms.find((q) => q.world.user(personId) !== undefined);
  const person = home?.world.user(personId);
  if (!home || !person) throw new ControlError(404, `No person ${personId}`);
  const id = home.channel.provider === p.channel.provider ? personId : providerUserId(p.channel.provider, personId);
  const user: User = { ...person, id, personId, status: "none", friendSince: null, blockedAt: null, lastMessagedAt: null };
  p.world.addUser(user);
  return user;
}

function providers(platforms: Platform[]): { provider: string; channelIds: string[] }[] {
  const byProvider = new Map<string, string[]>();
  for (const p of platforms) byProvider.set(p.channel.provider, [...(byProvider.get(p.channel.provider) ?? []), p.channelId]);
  return [...byProvider].map(([provider, channelIds]) => ({ provider, channelIds }));
}
