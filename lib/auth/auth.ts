import { betterAuth } from "better-auth";
import { eq } from "drizzle-orm";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { Db } from "@/db/client";
import { announceAccessEnded } from "@/db/queries/access-notices";
import { account, session, user, verification } from "@/db/schema/auth";
import { env } from "@/lib/env.js";
import { clientIp } from "./client-ip";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from "./session-policy";
import { recordSignInFailure, recordSignInSuccess, signInWaitSeconds, throttleKeys } from "./sign-in-throttle";

export type Auth = ReturnType<typeof createAuth>;

export function createAuth(db: Db, options: { secret?: string; baseURL?: string } = {}) {
  const e = env();
  const baseURL = options.baseURL ?? e.APP_URL;
  const https = baseURL.startsWith("https://");
  const secret = options.secret ?? e.BETTER_AUTH_SECRET ?? devSecret();
  // Over HTTPS the session cookie is __Host- (Secure, Path=/, no Domain: it cannot be set by or for a
  // sibling subdomain). better-auth would prefix __Secure-, so the name is given whole and its own
  // prefixing is turned off.
  const cookie = (name: string, maxAge?: number) => ({
    name: https ? `__Host-oa.${name}` : `oa.${name}`,
    attributes: { secure: https, path: "/", ...(maxAge ? { maxAge } : {}) },
  });

  return betterAuth({
    appName: "oa-console",
    baseURL,
    basePath: "/api/auth",
    secret,
    trustedOrigins: trustedOrigins(baseURL),
    database: drizzleAdapter(db, { provider: "pg", schema: { user, session, account, verification } }),
    emailAndPassword: {
      enabled: true,
      // Accounts come from the first-run screen, ADMIN_EMAIL, or an invitation; never from sign-up.
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "viewer", input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
        locale: { type: "string", required: false, input: false },
        timeZone: { type: "string", required: false, input: false },
      },
    },
    session: {
      expiresIn: SESSION_IDLE_SECONDS,
      updateAge: SESSION_REFRESH_SECONDS,
      // Every request asks the database, so a revoked session or a disabled user stops at once.
      cookieCache: { enabled: false },
    },
    // Our own throttle (below) replaces the per-IP window limiter.
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: false,
      // The cookie may live as long as the session's absolute lifetime; the server decides earlier ends.
      cookies: { session_token: cookie("session", SESSION_ABSOLUTE_SECONDS), session_data: cookie("session_data"), dont_remember: cookie("dont_remember") },
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
      database: { generateId: () => crypto.randomUUID() },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled member cannot start a session, whatever the password.
          before: async (s) => {
            const [u] = await db.select({ disabled: user.disabled }).from(user).where(eq(user.id, s.userId));
            if (!u || u.disabled) throw new APIError("UNAUTHORIZED", { message: "Invalid email or password", code: "INVALID_EMAIL_OR_PASSWORD" });
          },
        },
        // Signing out (or any session better-auth ends): live streams opened with it end too, on every instance.
        delete: {
          after: async (s) => {
            await announceAccessEnded(db, { id: s.userId });
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        const keys = throttleKeys(email, clientIp(ctx.headers ?? new Headers()));
        const wait = await signInWaitSeconds(db, keys);
        if (wait > 0) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            { message: `Too many attempts. Try again in ${wait} seconds.`, code: "TOO_MANY_ATTEMPTS", retryAfter: wait },
            { "Retry-After": String(wait) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        const keys = throttleKeys(email, clientIp(ctx.headers ?? new Headers()));
        const returned = ctx.context.returned;
        if (returned instanceof APIError) {
          if (returned.statusCode === 401) await recordSignInFailure(db, keys);
        } else {
          await recordSignInSuccess(db, keys);
        }
      }),
    },
    telemetry: { enabled: false },
  });
}

// The console's own origin; on a local machine, localhost and 127.0.0.1 are the same console.
function trustedOrigins(baseURL: string): string[] {
  const url = new URL(baseURL);
  if (!["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) return [url.origin];
  return ["localhost", "127.0.0.1", "[::1]"].map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ""}`);
}

// Development without BETTER_AUTH_SECRET (tests, a bare `next dev`): a per-process secret, so sessions
// simply do not survive a restart. The launcher persists one in .data/, and production requires it.
function devSecret(): string {
  if (env().NODE_ENV === "production") {
    throw new Error("BETTER_AUTH_SECRET must be set in production (at least 32 characters; openssl rand -hex 32).");
  }
  devSecretValue ??= Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, "0")).join("");
  return devSecretValue;
}

// The runtime builds auth once per process, so this module's instance is the one that matters.
let devSecretValue: string | undefined;
