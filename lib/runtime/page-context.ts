import "server-only";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { resolveActor, roleAllows, type Actor, type Role } from "@/lib/auth/require-actor";
import { actorOnChannel, resolveChannel, type ChannelWithRole } from "@/lib/channel/access";
import { HttpError } from "@/lib/platform/http/errors";
import { getRuntime } from "./runtime";

/**
 * The signed-in member (or key) for a server component, checked against the database, with their
 * console role. Cached per request: the layout, the page and the i18n config (saved language and time
 * zone) all ask.
 */
export const getPageActor = cache(async (): Promise<Actor | null> => {
  // The request's headers first: during `next build` that ends the attempt to prerender the page before
  // the database is opened (a build worker would otherwise leave the PGlite data directory locked as the
  // server comes up).
  const requestHeaders = await headers();
  return resolveActor(await getRuntime(), requestHeaders);
});

/** The channel of the URL (/channels/<key>/…) as the member sees it, or null when they cannot. */
export const getPageChannel = cache(async (key: string): Promise<ChannelWithRole | null> => {
  const actor = await getPageActor();
  if (!actor) return null;
  try {
    return await resolveChannel((await getRuntime()).db, actor, decodeURIComponent(key));
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) return null;
    throw err;
  }
});

/**
 * A page only signed-in members with `role` on the page's channel may see (`scope: "console"`: with that
 * console role, as the members and API keys pages need): others go to sign-in, or get 403; a channel
 * they cannot see is not found. A member who must still set up two-factor sign-in goes to do that first.
 */
export async function requirePageActor(
  params: Promise<unknown>,
  role: Role = "viewer",
  options: { scope?: "channel" | "console" } = {},
): Promise<PageActor & { channel: ChannelWithRole }> {
  const actor = await getPageActor();
  if (!actor) redirect("/sign-in");
  if (actor.kind === "user" && actor.mustSetUpTwoFactor) redirect("/two-factor");
  const channel = await getPageChannel(((await params) as { channel?: string }).channel ?? "");
  if (!channel) notFound();
  const onChannel = actorOnChannel(actor, channel.role);
  if (!roleAllows(options.scope === "console" ? actor.consoleRole : onChannel.role, role)) forbidden();
  // Every page needs viewer at least, which a metrics key's role does not allow: what passes has a member's role.
  return { ...(onChannel as PageActor), channel };
}

/** Who may see a page: a member, or an API key with a member's role (never a metrics key). */
export type PageActor = Actor & { role: Role };

/** Whether the request carries a session cookie at all (cheap: no database). */
export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (name.endsWith("oa.session")) return true;
  return false;
}
