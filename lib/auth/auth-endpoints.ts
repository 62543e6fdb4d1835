// better-auth answers many endpoints under /api/auth. The console's pages use these; the others
// (change-password, update-user, revoke-sessions, two-factor/enable, …) would go around the console's
// own routes, which check the password with the sign-in throttle, keep the audit log and apply the
// console's rules, so /api/auth answers them 404.
const OPEN_ENDPOINTS = new Set(["/sign-in/email", "/sign-out", "/get-session", "/two-factor/verify-totp", "/two-factor/verify-backup-code"]);

/** Whether `pathname` (e.g. /api/auth/sign-in/email) is one of the better-auth endpoints the console opens. */
export function isOpenAuthEndpoint(pathname: string): boolean {
  const path = pathname.replace(/^\/api\/auth(?=\/)/, "").replace(/\/+$/, "");
  return OPEN_ENDPOINTS.has(path);
}
