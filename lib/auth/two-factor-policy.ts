// Two-factor sign-in's settings, in one place for the server and the pages that explain them.

/** What authenticator apps show above the code (with the member's email). */
export const TOTP_ISSUER = "OA Console";

/** How long the code step waits after the right password before the password is asked again. */
export const TWO_FACTOR_CHALLENGE_SECONDS = 10 * 60;

/** How many recovery codes a member gets; each works once. */
export const RECOVERY_CODE_COUNT = 10;
