import { APIError } from "better-auth/api";
import { getUser } from "@/db/queries/users";
import { getAuthPolicy } from "@/db/queries/auth-policy";
import { HttpError } from "@/lib/platform/http/errors";
import { checkOwnPassword } from "./password-check";
import type { Actor, AuthServices } from "./require-actor";

// Two-factor sign-in from the member's side: better-auth's two-factor plugin does the work (the secret
// and recovery codes, encrypted; the codes' check); these wrap its server calls with the console's
// rules — the password checked with the sign-in throttle, errors the console's way, and what the
// routes write to the audit log. Signing in with a code goes to the plugin directly (lib/auth/auth.ts).

type Member = Extract<Actor, { kind: "user" }>;

/** Whether the member has two-factor sign-in, whether the console requires it, and how many recovery codes are left. */
export async function twoFactorStatus(services: AuthServices, params: { actor: Member }) {
  const { db, auth } = services;
  const [member, policy] = await Promise.all([getUser(db, { id: params.actor.id }), getAuthPolicy(db)]);
  const enabled = Boolean(member?.twoFactorEnabled);
  let recoveryCodesLeft: number | null = null;
  if (enabled) {
    const codes = await auth.api.viewBackupCodes({ body: { userId: params.actor.id } }).catch(() => null);
    recoveryCodesLeft = codes?.backupCodes.length ?? null;
  }
  return { enabled, required: policy.requireTwoFactor, recoveryCodesLeft };
}

/**
 * Step one of turning it on: a new secret (as an otpauth:// URI for the QR code, and in Base32 for
 * typing in) and new recovery codes. Nothing changes for sign-in until a first code confirms it.
 */
export async function startTwoFactor(services: AuthServices, params: { actor: Member; ip: string; password: string; headers: Headers }) {
  const { db, auth } = services;
  if ((await getUser(db, { id: params.actor.id }))?.twoFactorEnabled) throw alreadyEnabled();
  await checkOwnPassword(db, { userId: params.actor.id, email: params.actor.email, ip: params.ip, password: params.password, property: "password" });
  const started = await auth.api.enableTwoFactor({ body: { password: params.password, method: "totp" }, headers: params.headers }).catch(translate);
  if (started.method !== "totp") throw new Error("better-auth enabled a method other than TOTP");
  return { totpUri: started.totpURI, secret: new URL(started.totpURI).searchParams.get("secret") ?? "", recoveryCodes: started.backupCodes };
}

/**
 * Step two: the first code from the app. Two-factor sign-in is on from here; better-auth replaces this
 * session with a new one (its cookie is in `headers`).
 */
export async function confirmTwoFactor(services: AuthServices, params: { code: string; headers: Headers }) {
  const { headers } = await services.auth.api.verifyTOTP({ body: { code: params.code }, headers: params.headers, returnHeaders: true }).catch(translate);
  return { headers };
}

/** Turn it off (the password again). better-auth replaces this session too. */
export async function disableTwoFactor(services: AuthServices, params: { actor: Member; ip: string; password: string; headers: Headers }) {
  const { db, auth } = services;
  if (!(await getUser(db, { id: params.actor.id }))?.twoFactorEnabled) throw notEnabled();
  await checkOwnPassword(db, { userId: params.actor.id, email: params.actor.email, ip: params.ip, password: params.password, property: "password" });
  const { headers } = await auth.api.disableTwoFactor({ body: { password: params.password }, headers: params.headers, returnHeaders: true }).catch(translate);
  return { headers };
}

/** New recovery codes (the password again); the old ones stop working. */
export async function regenerateRecoveryCodes(services: AuthServices, params: { actor: Member; ip: string; password: string; headers: Headers }) {
  const { db, auth } = services;
  if (!(await getUser(db, { id: params.actor.id }))?.twoFactorEnabled) throw notEnabled();
  await checkOwnPassword(db, { userId: params.actor.id, email: params.actor.email, ip: params.ip, password: params.password, property: "password" });
  const made = await auth.api.generateBackupCodes({ body: { password: params.password }, headers: params.headers }).catch(translate);
  return { recoveryCodes: made.backupCodes };
}

// better-auth's refusals, as the console's API words them.
function translate(err: unknown): never {
  if (!(err instanceof APIError)) throw err;
  const code = (err.body as { code?: string } | undefined)?.code;
  switch (code) {
    case "INVALID_CODE":
      throw new HttpError(400, "invalid_code", "That code is not right; type the code your app shows now", [
        { property: "code", message: "is not the code your app shows now", key: "validation.wrongCode" },
      ]);
    case "TOTP_ALREADY_ENABLED":
      throw alreadyEnabled();
    case "TOTP_NOT_ENABLED":
      throw new HttpError(409, "two_factor_not_started", "Start turning on two-factor sign-in first (POST /api/me/two-factor)");
    case "TWO_FACTOR_NOT_ENABLED":
      throw notEnabled();
    default:
      throw err;
  }
}

function alreadyEnabled() {
  return new HttpError(409, "two_factor_already_enabled", "Two-factor sign-in is already on");
}

function notEnabled() {
  return new HttpError(409, "two_factor_not_enabled", "Two-factor sign-in is not on");
}
