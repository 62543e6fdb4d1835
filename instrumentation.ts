// Runs once when the server starts: open the database and apply migrations before the first request
// (so LINE's first webhook after a deploy does not wait for them), and create the first admin from
// ADMIN_EMAIL / ADMIN_PASSWORD when those are set; then start this instance's background runner
// (sending, narrowcast progress, jobs). In demo mode the fake's friends then start writing, so the
// first screens show the console at work. Stopping it finishes that work and closes the database
// (lib/platform/server/shutdown.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` calls this too, in its workers: it must not open the database (a PGlite data directory
  // would stay locked by a worker as `next start` comes up) nor start background work against LINE.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // First: a stop signal during start-up still closes what has been opened.
  const { installShutdown } = await import("@/lib/platform/server/shutdown");
  installShutdown();
  const { getDatabase } = await import("./db/instance");
  const { ensureEnvAdmin } = await import("./lib/auth/env-admin");
  const { handle } = await getDatabase();
  await ensureEnvAdmin(handle.db);
  const { ensureBackgroundRunner } = await import("@/lib/platform/background/instance");
  await ensureBackgroundRunner();
  // Not awaited: the server starts listening after this returns, and the fake redelivers a webhook
  // that found it not yet listening.
  const { startDemoTraffic } = await import("./lib/demo/traffic");
  void startDemoTraffic();
}
