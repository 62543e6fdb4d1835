/**
 * The codes POST /api/auth/sign-in/email can answer with (better-auth's, and TOO_MANY_ATTEMPTS from our
 * throttle in auth.ts). The sign-in form shows each in the operator's language (auth.errors.*); none
 * of them says whether an account exists.
 */
export const SIGN_IN_ERROR_CODES = [
  "INVALID_EMAIL_OR_PASSWORD",
  "TOO_MANY_ATTEMPTS",
  "INVALID_EMAIL",
  "PASSWORD_TOO_LONG",
  "VALIDATION_ERROR",
  "FAILED_TO_CREATE_SESSION",
  "INVALID_ORIGIN",
  "MISSING_OR_NULL_ORIGIN",
] as const;
export type SignInErrorCode = (typeof SIGN_IN_ERROR_CODES)[number];

export function signInErrorCode(code: unknown, status: number): SignInErrorCode | null {
  if ((SIGN_IN_ERROR_CODES as readonly unknown[]).includes(code)) return code as SignInErrorCode;
  // An answer without a code we know: the status still tells a refused password from a throttle.
  if (status === 429) return "TOO_MANY_ATTEMPTS";
  if (status === 401) return "INVALID_EMAIL_OR_PASSWORD";
  return null;
}

/**
 * The codes the code step (POST /api/auth/two-factor/verify-totp or verify-backup-code) can answer
 * with: better-auth's two-factor plugin's, and TOO_MANY_ATTEMPTS from our throttle. The form shows each
 * in the operator's language (auth.codeErrors.*).
 */
export const CODE_STEP_ERROR_CODES = [
  "INVALID_CODE",
  "INVALID_BACKUP_CODE",
  "TOO_MANY_ATTEMPTS",
  "ACCOUNT_TEMPORARILY_LOCKED",
  "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE",
  "INVALID_TWO_FACTOR_COOKIE",
] as const;
export type CodeStepErrorCode = (typeof CODE_STEP_ERROR_CODES)[number];

/** Refusals after which the pending sign-in is gone: the password must be given again. */
export const CODE_STEP_RESTARTS: readonly CodeStepErrorCode[] = ["TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE", "INVALID_TWO_FACTOR_COOKIE"];

export function codeStepErrorCode(code: unknown, status: number): CodeStepErrorCode | null {
  if ((CODE_STEP_ERROR_CODES as readonly unknown[]).includes(code)) return code as CodeStepErrorCode;
  if (status === 429) return "TOO_MANY_ATTEMPTS";
  if (status === 401) return "INVALID_CODE";
  return null;
}
