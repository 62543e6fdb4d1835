// Runs once when the server starts: open the database and apply migrations before the first request
// (so LINE's first webhook after a deploy does not wait for them), and create the first admin from
// ADMIN_EMAIL / ADMIN_PASSWORD when those are set; then start this instance's background runner
// (sending, narrowcast progress, jobs).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabase } = await import("./db/instance");
  const { ensureEnvAdmin } = await import("./lib/auth/env-admin");
  const { handle } = await getDatabase();
  await ensureEnvAdmin(handle.db);
  const { ensureBackgroundRunner } = await import("./lib/background/instance");
  await ensureBackgroundRunner();
}
