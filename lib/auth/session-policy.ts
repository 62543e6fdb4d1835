// Session lifetimes (documented in the README). A session ends after IDLE of no use, and in any case
// ABSOLUTE after sign-in, active or not; sign-out ends it on the server at once.
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;
/** How often use of a session pushes its idle expiry forward (one write per session per interval). */
export const SESSION_REFRESH_SECONDS = 5 * 60;
