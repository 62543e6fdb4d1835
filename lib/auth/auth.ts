import { betterAuth } from "better-auth";
import { eq } from "drizzle-orm";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { twoFactor as twoFactorPlugin } from "better-auth/plugins/two-factor";
import type { Db } from "@/db/client";
import { announceAccessEnded } from "@/db/queries/access-notices";
import { account, session, twoFactor, user, verification } from "@/db/schema/auth";
import { env } from "@/lib/env.js";
import { recordAudit } from "@/lib/platform/audit";
import { clientIp } from "./client-ip";
import { newRecoveryCodes, normalizeRecoveryCode } from "./recovery-codes";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from "./session-policy";
import { recordSignInFailure, recordSignInSuccess, signInWaitSeconds, throttleKeys, type ThrottleKeys } from "./sign-in-throttle";
import { RECOVERY_CODE_COUNT, TOTP_ISSUER, TWO_FACTOR_CHALLENGE_SECONDS } from "./two-factor-policy";

// The sign-in steps: the password, then (for a member with two-factor sign-in) a code from their
// authenticator app or one of their recovery codes. All three are throttled alike (sign-in-throttle.ts).
const PASSWORD_STEP = "/sign-in/email";
const CODE_STEPS = new Set(["/two-factor/verify-totp", "/two-factor/verify-backup-code"]);

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
    database: drizzleAdapter(db, { provider: "pg", schema: { user, session, account, verification, twoFactor } }),
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
      cookies: {
        session_token: cookie("session", SESSION_ABSOLUTE_SECONDS),
        session_data: cookie("session_data"),
        dont_remember: cookie("dont_remember"),
        // Between the password and the code: names the pending sign-in (signed, 10 minutes).
        two_factor: cookie("two_factor"),
        trust_device: cookie("trust_device"),
      },
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
    plugins: [
      twoFactorPlugin({
        issuer: TOTP_ISSUER,
        twoFactorCookieMaxAge: TWO_FACTOR_CHALLENGE_SECONDS,
        // Recovery codes are stored encrypted with the auth secret (better-auth's default); ours are
        // easier to type (recovery-codes.ts).
        backupCodeOptions: { amount: RECOVERY_CODE_COUNT, customBackupCodesGenerate: () => newRecoveryCodes() },
      }),
    ],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        let keys: ThrottleKeys | null = null;
        if (ctx.path === PASSWORD_STEP) {
          keys = throttleKeys(typeof ctx.body?.email === "string" ? ctx.body.email : "", clientIp(ctx.headers ?? new Headers()));
        } else if (CODE_STEPS.has(ctx.path)) {
          const member = await challengedMember(ctx);
          if (member) keys = throttleKeys(member.email, clientIp(ctx.headers ?? new Headers()));
          // Every sign-in asks for the code: the console offers no "trust this device for 30 days". A
          // recovery code is compared as stored, whatever case and spacing it was typed in.
          const body = { ...ctx.body, trustDevice: false };
          if (ctx.path === "/two-factor/verify-backup-code" && typeof body.code === "string") body.code = normalizeRecoveryCode(body.code);
          if (keys) await refuseWhileThrottled(db, keys);
          return { context: { body } };
        }
        if (keys) await refuseWhileThrottled(db, keys);
      }),
      after: createAuthMiddleware(async (ctx) => {
        const returned = ctx.context.returned;
        const refused = returned instanceof APIError ? returned.statusCode : null;
        const ip = clientIp(ctx.headers ?? new Headers());
        if (ctx.path === PASSWORD_STEP) {
          const keys = throttleKeys(typeof ctx.body?.email === "string" ? ctx.body.email : "", ip);
          if (refused === 401) await recordSignInFailure(db, keys);
          // The right password of a member with two-factor sign-in is only half a sign-in: the address is
          // remembered (and the failures forgotten) once the code is right too.
          else if (refused === null && !ctx.context.newSession?.user.twoFactorEnabled) await recordSignInSuccess(db, keys);
        } else if (CODE_STEPS.has(ctx.path)) {
          // A wrong code leaves the pending sign-in open (its cookie still names the member); a right one
          // has become a session.
          // (Without the pending sign-in's cookie this is the member confirming their first code in Settings.)
          if (!(await challengeId(ctx))) return;
          const member = refused === null ? ctx.context.newSession?.user : await challengedMember(ctx);
          if (!member) return;
          const keys = throttleKeys(member.email, ip);
          if (refused === 401) await recordSignInFailure(db, keys);
          else if (refused === null) {
            await recordSignInSuccess(db, keys);
            if (ctx.path === "/two-factor/verify-backup-code") {
              await recordAudit(db, {
                actor: { kind: "system", id: member.id, name: `${member.name} <${member.email}>` },
                ip,
                action: "member.recovery_code_used",
                target: member.email,
              });
            }
          }
        }
      }),
    },
    telemetry: { enabled: false },
  });
}

async function refuseWhileThrottled(db: Db, keys: ThrottleKeys) {
  const wait = await signInWaitSeconds(db, keys);
  if (wait > 0) {
    throw new APIError(
      "TOO_MANY_REQUESTS",
      { message: `Too many attempts. Try again in ${wait} seconds.`, code: "TOO_MANY_ATTEMPTS", retryAfter: wait },
      { "Retry-After": String(wait) },
    );
  }
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** The member a pending two-factor sign-in is for: its signed cookie names a verification row holding their id. */
async function challengedMember(ctx: HookContext): Promise<{ id: string; name: string; email: string } | null> {
  const identifier = await challengeId(ctx);
  if (!identifier) return null;
  const pending = await ctx.context.internalAdapter.findVerificationValue(identifier);
  if (!pending || pending.expiresAt < new Date()) return null;
  return ctx.context.internalAdapter.findUserById(pending.value);
}

async function challengeId(ctx: HookContext): Promise<string | null> {
  // false: a cookie whose signature does not match.
  return (await ctx.getSignedCookie(ctx.context.createAuthCookie("two_factor").name, ctx.context.secret)) || null;
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
