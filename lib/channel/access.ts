import type { Db } from "@/db/client";
import { channelRoleOf, channelRolesOf, listChannels, type ChannelSummary } from "@/db/queries/channels";
import type { Actor } from "@/lib/auth/require-actor";
import type { ApiKeyRole } from "@/lib/auth/roles";
import { HttpError } from "@/lib/platform/http/errors";

// Which channels a caller may see, and as what. A console admin is admin of every channel; any other
// member has the roles given to them per channel (channel_members); an API key has its role on the
// channels it was made for. A channel the caller has no role on does not exist for them: the answer is
// the same 404 as for a channel that does not exist at all.

import { CHANNEL_HEADER, splitChannelPath } from "@/lib/client/channel-path";

export type ChannelWithRole = ChannelSummary & { role: ApiKeyRole };

/** The caller's role on one channel (null: none). */
export async function roleOnChannel(db: Db, actor: Actor, channelId: number): Promise<ApiKeyRole | null> {
  if (actor.kind === "apiKey") return actor.consoleRole !== "metrics" && actor.channelIds.includes(channelId) ? actor.consoleRole : null;
  if (actor.consoleRole === "admin") return "admin";
  return channelRoleOf(db, { userId: actor.id, channelId });
}

/**
 * Whether the caller is an admin of the whole console: a console admin, or an admin API key made for
 * every channel. A key made for some channels is none, whatever its role — it would otherwise back up
 * the other channels' data, make keys for them, or invite a console admin.
 */
export async function isConsoleAdmin(db: Db, actor: Actor): Promise<boolean> {
  if (actor.consoleRole !== "admin") return false;
  if (actor.kind === "user") return true;
  return (await cachedChannels(db)).every((c) => actor.channelIds.includes(c.id));
}

/** The channels the caller may see (archived ones too, marked), the first configured first. */
export async function channelsVisibleTo(db: Db, actor: Actor): Promise<ChannelWithRole[]> {
  const all = await cachedChannels(db);
  if (actor.kind === "apiKey") {
    if (actor.consoleRole === "metrics") return [];
    return all.filter((c) => actor.channelIds.includes(c.id)).map((c) => ({ ...c, role: actor.consoleRole }));
  }
  if (actor.consoleRole === "admin") return all.map((c) => ({ ...c, role: "admin" as const }));
  const roles = new Map((await channelRolesOf(db, { userId: actor.id })).map((r) => [r.channelId, r.role]));
  return all.filter((c) => roles.has(c.id)).map((c) => ({ ...c, role: roles.get(c.id)! }));
}

/**
 * The channel a request acts on and the caller's role there: the one it names (by its key), else the
 * caller's first channel that is not archived. 404 for a channel the caller cannot see.
 */
export async function resolveChannel(db: Db, actor: Actor, ref: string | null): Promise<ChannelWithRole> {
  if (ref) {
    const channel = (await cachedChannels(db)).find((c) => c.slug === ref) ?? (await freshChannels(db)).find((c) => c.slug === ref);
    const role = channel ? await roleOnChannel(db, actor, channel.id) : null;
    if (!channel || !role) throw new HttpError(404, "channel_not_found", `There is no channel "${ref}" that you can see`);
    return { ...channel, role };
  }
  const visible = await channelsVisibleTo(db, actor);
  const first = visible.find((c) => !c.archivedAt) ?? visible[0];
  if (!first) throw new HttpError(403, "no_channel", "You have no role on any channel yet: ask an admin to give you one");
  return first;
}

/** Channels by their keys, every one of them existing (else 400 naming the first unknown). */
export async function channelsByKey(db: Db, keys: string[]): Promise<ChannelSummary[]> {
  const all = await freshChannels(db);
  return [...new Set(keys)].map((key) => {
    const found = all.find((c) => c.slug === key);
    if (!found) throw new HttpError(400, "unknown_channel", `There is no channel "${key}"`, [{ property: "channels", message: `has no channel "${key}"` }]);
    return found;
  });
}

/** The actor as it acts on a channel: its role there. */
export function actorOnChannel(actor: Actor, role: ApiKeyRole): Actor {
  return { ...actor, role } as Actor;
}

/**
 * The channel a request names: the X-OA-Channel header (the console's fetches, from the tab's address),
 * ?channel= (scripts, links), else the page it came from (Referer /channels/<key>/…: images, downloads
 * and the live stream a page opens, which cannot set headers). Only a choice: the caller's role on it is
 * checked all the same.
 */
export function channelRef(req: Request): string | null {
  const named = req.headers.get(CHANNEL_HEADER) || new URL(req.url).searchParams.get("channel");
  if (named) return named;
  const referer = req.headers.get("referer");
  if (!referer) return null;
  try {
    // Browsers send it to this site alone (Referrer-Policy: same-origin).
    return splitChannelPath(new URL(referer).pathname).key;
  } catch {
    return null;
  }
}

/** Forget the cached channel list (after adding, renaming, archiving or deleting one). */
export function channelsChanged(db: Db) {
  caches.delete(db);
}

// The channel list is small and read by every request: kept for two seconds per process (per database,
// for tests that open several). A change made on another instance is seen within that; one made here at
// once (channelsChanged).
// On globalThis: Next bundles this module once for route handlers and again for pages, and a change made
// through one must clear what the other has (lib/runtime/current.ts keeps the runtime so for the same reason).
const g = globalThis as typeof globalThis & { __oaChannelLists?: WeakMap<Db, { at: number; channels: Promise<ChannelSummary[]> }> };
const caches = (g.__oaChannelLists ??= new WeakMap());
export function cachedChannels(db: Db): Promise<ChannelSummary[]> {
  let entry = caches.get(db);
  if (!entry || performance.now() - entry.at > 2000) {
    const fresh = { at: performance.now(), channels: listChannels(db) };
    fresh.channels.catch(() => {
      if (caches.get(db) === fresh) caches.delete(db);
    });
    caches.set(db, fresh);
    entry = fresh;
  }
  return entry.channels;
}

function freshChannels(db: Db): Promise<ChannelSummary[]> {
  channelsChanged(db);
  return cachedChannels(db);
}
