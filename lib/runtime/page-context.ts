import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { resolveActor, roleAllows, type Actor, type Role } from "@/lib/auth/require-actor";
import { getRuntime } from "./runtime";

/**
 * The signed-in member (or key) for a server component, checked against the database. Cached per
 * request: the layout, the page and the i18n config (saved language and time zone) all ask.
 */
export const getPageActor = cache(async (): Promise<Actor | null> => {
  // The request's headers first: during `next build` that ends the attempt to prerender the page before
  // the database is opened (a build worker would otherwise leave the PGlite data directory locked as the
  // server comes up).
  const requestHeaders = await headers();
  return resolveActor(await getRuntime(), requestHeaders);
});

/**
 * A page only signed-in members with `role` may see: others go to sign-in, or get 403. A member who
 * must still set up two-factor sign-in goes to do that first.
 */
export async function requirePageActor(role: Role = "viewer"): Promise<PageActor> {
  const actor = await getPageActor();
  if (!actor) redirect("/sign-in");
  if (actor.kind === "user" && actor.mustSetUpTwoFactor) redirect("/two-factor");
  if (!roleAllows(actor.role, role)) forbidden();
  // Every page needs viewer at least, which a metrics key's role does not allow: what passes has a member's role.
  return actor as PageActor;
}

/** Who may see a page: a member, or an API key with a member's role (never a metrics key). */
export type PageActor = Actor & { role: Role };

/** Whether the request carries a session cookie at all (cheap: no database). */
export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (name.endsWith("oa.session")) return true;
  return false;
}
