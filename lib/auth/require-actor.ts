import { findApiKeyByHash, isApiKeyLive, touchApiKey } from "@/db/queries/api-keys";
import { getAuthPolicy } from "@/db/queries/auth-policy";
import { deleteSession, isSessionLive } from "@/db/queries/users";
import type { Db } from "@/db/client";
import { env } from "@/lib/env.js";
import { HttpError } from "@/lib/platform/http/errors";
import { hashApiKey, looksLikeApiKey } from "./api-key-secret";
import type { Auth } from "./auth";
import { roleAllows, type ApiKeyRole, type Role } from "./roles";
import { SESSION_ABSOLUTE_SECONDS } from "./session-policy";

export { roleAllows, type ApiKeyRole, type Role } from "./roles";

/** What telling who is calling needs: the database (API keys, sessions) and better-auth. */
export interface AuthServices {
  db: Db;
  auth: Auth;
}

export type Actor =
  | {
      kind: "user";
      id: string;
      name: string;
      email: string;
      /** The role where the request acts: on its channel (lib/channel/access.ts), or the console role. */
      role: Role;
      /** The member's own role: admin is a console admin (every channel, members, keys, channels). */
      consoleRole: Role;
      sessionId: string;
      locale: string | null;
      timeZone: string | null;
      /** Whether the member signs in with a code from an authenticator app too. */
      twoFactorEnabled?: boolean;
      /** The console requires two-factor sign-in and this member has not set it up: they may do that, nothing else. */
      mustSetUpTwoFactor?: boolean;
    }
  | {
      kind: "apiKey";
      id: string;
      name: string;
      /** As for a member: the role where the request acts (none on a channel the key is not for). */
      role: ApiKeyRole;
      consoleRole: ApiKeyRole;
      /** The channels the key may act on. */
      channelIds: number[];
    };

/**
 * Who is calling — an API key (Authorization: Bearer oak_…) or a session cookie — or null. A session is
 * refused past its absolute lifetime (and removed), and when its member has been disabled.
 */
export async function resolveActor(services: AuthServices, headers: Headers): Promise<Actor | null> {
  const { db, auth } = services;
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    const token = authorization.slice(7).trim();
    if (!looksLikeApiKey(token)) return null;
    const key = await findApiKeyByHash(db, { keyHash: hashApiKey(token) });
    if (!key) return null;
    void touchApiKey(db, { id: key.id, at: new Date() }).catch(() => {});
    return { kind: "apiKey", id: key.id, name: key.name, role: key.role, consoleRole: key.role, channelIds: key.channelIds };
  }
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  const u = found.user as typeof found.user & { role: Role; disabled: boolean; locale?: string | null; timeZone?: string | null; twoFactorEnabled?: boolean };
  const ageSeconds = (Date.now() - new Date(found.session.createdAt).getTime()) / 1000;
  if (u.disabled || ageSeconds > SESSION_ABSOLUTE_SECONDS) {
    await deleteSession(db, { userId: u.id, id: found.session.id });
    return null;
  }
  return {
    kind: "user",
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    consoleRole: u.role,
    sessionId: found.session.id,
    locale: u.locale ?? null,
    timeZone: u.timeZone ?? null,
    twoFactorEnabled: Boolean(u.twoFactorEnabled),
    // Asked only of members without it: most requests of a console that requires it cost nothing more.
    mustSetUpTwoFactor: !u.twoFactorEnabled && (await getAuthPolicy(db)).requireTwoFactor,
  };
}

/**
 * Whether what let `actor` in still does (its session, or its API key): asked again while a live
 * stream stays open. Read-only, so an open stream does not keep an idle session alive.
 */
export async function actorStillAllowed(db: Db, actor: Actor): Promise<boolean> {
  if (actor.kind === "apiKey") return isApiKeyLive(db, { id: actor.id });
  return isSessionLive(db, { id: actor.sessionId, maxAgeSeconds: SESSION_ABSOLUTE_SECONDS });
}

/**
 * The caller, if allowed to act with `role`; otherwise 401 (nobody) or 403 (not allowed). A member the
 * console requires two-factor sign-in of, who has not set it up, is refused everything but the routes
 * that set it up (`beforeTwoFactor`); API keys are not members and are not asked.
 */
export async function requireActor(services: AuthServices, req: Request, role: ApiKeyRole | null, options: { beforeTwoFactor?: boolean } = {}): Promise<Actor> {
  const actor = await resolveActor(services, req.headers);
  if (!actor) throw new HttpError(401, "unauthenticated", "Sign in, or send an API key as Authorization: Bearer <key>");
  if (actor.kind === "user" && isStateChanging(req.method)) assertSameOrigin(req);
  if (actor.kind === "user" && actor.mustSetUpTwoFactor && !options.beforeTwoFactor) {
    throw new HttpError(403, "two_factor_setup_required", "This console requires two-factor sign-in: set it up first (Settings → Account, or /two-factor)");
  }
  if (role) assertRole(actor, role);
  return actor;
}

/** 403 unless the actor's role (where the request acts) allows `role`. */
export function assertRole(actor: Actor, role: ApiKeyRole) {
  if (!roleAllows(actor.role, role)) {
    throw new HttpError(
      403,
      "forbidden",
      `This needs the ${role} role; you are ${actor.kind === "apiKey" ? "using a key with" : ""} ${actor.role}`.replace(/\s+/g, " "),
    );
  }
}

/**
 * Route handlers get no CSRF protection from Next: a cookie-authenticated request that changes state
 * must come from our own pages. Browsers send Sec-Fetch-Site and Origin on such requests.
 */
export function assertSameOrigin(req: Request) {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw new HttpError(403, "cross_site", "Cross-site requests are refused");
  }
  const origin = req.headers.get("origin");
  if (origin === "null") throw new HttpError(403, "cross_site", "Cross-site requests are refused");
  if (origin && !sameSite(origin, req)) throw new HttpError(403, "cross_site", "Cross-site requests are refused");
}

// The console's own origin (APP_URL), or the host the browser addressed (Host; behind a trusted proxy
// X-Forwarded-Host, which the server drops from anyone else): a page on another site cannot make a
// browser send its Origin with our Host.
function sameSite(origin: string, req: Request): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const e = env();
  const addressed = (e.TRUST_PROXY > 0 ? req.headers.get("x-forwarded-host") : null) ?? req.headers.get("host");
  return host === new URL(e.APP_URL).host || host === addressed || host === new URL(req.url).host;
}

function isStateChanging(method: string) {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}
