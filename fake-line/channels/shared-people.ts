// People who are friends of more than one channel. LINE gives one person one user id per provider: two
// channels of a provider see the same userId, channels of another provider see a different one. The
// first channel's world is the pool: a later channel's first friends are replaced by the first channel's
// first friends (same name, language, demographics), each keeping this channel's own friendship (status,
// dates). Everything is a pure function of the seeds, so a reset rebuilds the same overlap.
import { createRng } from "../core/prng";
import type { WorldSeed } from "../world/generate-world";
import type { User } from "../world/types";

export type ShareInput = {
  /** The first channel's freshly generated world and its friend count. */
  anchor: WorldSeed;
  anchorFriends: number;
  ownFriends: number;
  /** 0–1: share of this channel's friends who are people of the first channel. */
  share: number;
  sameProvider: boolean;
  provider: string;
};

export function sharePeople(own: WorldSeed, input: ShareInput): WorldSeed {
  const count = Math.min(Math.round(input.ownFriends * input.share), input.anchorFriends, input.ownFriends);
  const renamed = new Map<string, string>();
  const users = own.users.slice();
  for (let i = 0; i < count; i++) {
    const person = input.anchor.users[i] as User;
    const local = users[i] as User;
    const personId = person.personId ?? person.id;
    const id = input.sameProvider ? person.id : providerUserId(input.provider, personId);
    renamed.set(local.id, id);
    users[i] = {
      ...person,
      id,
      personId,
      status: local.status,
      friendSince: local.friendSince,
      blockedAt: local.blockedAt,
      lastMessagedAt: local.lastMessagedAt,
    };
  }
  const chats = own.chats.map((c) => ({ ...c, memberIds: c.memberIds.map((m) => renamed.get(m) ?? m) }));
  return { bot: own.bot, users, chats };
}

/** The user id a provider gives a person: the same for every channel of the provider, never the anchor's. */
export function providerUserId(provider: string, personId: string): string {
  return `U${createRng(0, `person:${provider}:${personId}`).hex(32)}`;
}
