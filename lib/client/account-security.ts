import { queryOptions } from "@tanstack/react-query";
import { browserFetch, getJson, type ApiFetch } from "./api-client";

// Your own sign-in (password, two-factor) and the console's rule for everyone's: what the browser asks.

export interface TwoFactorStatus {
  enabled: boolean;
  /** The console requires it of every member. */
  required: boolean;
  recoveryCodesLeft: number | null;
}

/** POST /api/me/two-factor: what an authenticator app needs, and the recovery codes, this once. */
export interface TwoFactorStart {
  totpUri: string;
  secret: string;
  recoveryCodes: string[];
}

export interface AuthPolicy {
  requireTwoFactor: boolean;
}

/** POST /api/members/{id}/password-reset: the link, this once. */
export interface IssuedPasswordReset {
  email: string;
  link: string;
  expiresAt: string;
}

export const accountSecurityKeys = {
  twoFactor: ["me", "two-factor"] as const,
  policy: ["settings", "security"] as const,
};

export function twoFactorStatusQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: accountSecurityKeys.twoFactor,
    queryFn: ({ signal }) => getJson<TwoFactorStatus>(api, "/api/me/two-factor", signal),
  });
}

export function authPolicyQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: accountSecurityKeys.policy,
    queryFn: ({ signal }) => getJson<AuthPolicy>(api, "/api/settings/security", signal),
  });
}
