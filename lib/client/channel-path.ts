// Every console page lives under its channel: /channels/<key>/… (the key is the channel's slug), so a
// link opens the right Official Account. Browser-safe, no imports.

const PREFIX = "/channels/";

/** A console path ("/events?type=message") inside a channel; a path already inside one, or not a page's, is left. */
export function channelPath(key: string | null | undefined, path: string): string {
  if (!key || !path.startsWith("/") || path.startsWith(PREFIX) || path.startsWith("/api/") || path.startsWith("//")) return path;
  const base = `${PREFIX}${encodeURIComponent(key)}`;
  return path === "/" ? base : path.startsWith("/?") || path.startsWith("/#") ? `${base}${path.slice(1)}` : `${base}${path}`;
}

/** The channel key of a pathname and the console path inside it ("/channels/cafe/events" → cafe, "/events"). */
export function splitChannelPath(pathname: string): { key: string | null; path: string } {
  if (!pathname.startsWith(PREFIX)) return { key: null, path: pathname };
  const rest = pathname.slice(PREFIX.length);
  const slash = rest.indexOf("/");
  const key = decodeURIComponent(slash === -1 ? rest : rest.slice(0, slash));
  return { key, path: slash === -1 ? "/" : rest.slice(slash) };
}

/** The channel the browser tab is on (from its address), for the API requests it makes. */
export function currentChannelKey(): string | null {
  return typeof window === "undefined" ? null : splitChannelPath(window.location.pathname).key;
}

/** The header an API request names its channel with (lib/channel/access.ts reads it). */
export const CHANNEL_HEADER = "x-oa-channel";

/** Remembered so that / (and an old bookmark without a channel) opens the channel last used. */
export const LAST_CHANNEL_COOKIE = "oa.channel";
