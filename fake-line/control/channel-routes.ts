// Control API for several channels: the list of channels with their credentials, and one person across
// every channel (their user id differs between providers, which is what LINE does).
import type { Platform } from "../platform";
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
];

function providers(platforms: Platform[]): { provider: string; channelIds: string[] }[] {
  const byProvider = new Map<string, string[]>();
  for (const p of platforms) byProvider.set(p.channel.provider, [...(byProvider.get(p.channel.provider) ?? []), p.channelId]);
  return [...byProvider].map(([provider, channelIds]) => ({ provider, channelIds }));
}
