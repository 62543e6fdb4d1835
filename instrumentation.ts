// Runs once when the server starts: builds the runtime (lib/runtime/runtime.ts) — the database opened
// and migrated before the first request (so LINE's first webhook after a deploy does not wait for
// them), auth, the webhook intake, the live hub and this instance's background work — and creates the
// first admin from ADMIN_EMAIL / ADMIN_PASSWORD when those are set. The launcher (scripts/launch.ts)
// listens only once that is done, and exits with the reason when it fails. In demo mode the fake's
// friends then start writing, so the first screens show the console at work. The server's stop signal
// stops the runtime in reverse (scripts/launch.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` calls this too, in its workers: it must not open the database (a PGlite data directory
  // would stay locked by a worker as the server comes up) nor start background work against LINE.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startRuntime } = await import("./lib/runtime/runtime");
  const { reportRuntimeStartup } = await import("./lib/runtime/current");
  const runtime = startRuntime();
  const launcherWaits = reportRuntimeStartup(runtime);
  try {
    await runtime;
  } catch (err) {
    // The launcher says why and exits. Without it (`next start`), Next reports the failure.
    if (launcherWaits) return;
    throw err;
  }
  // Not awaited: the server starts listening after this returns, and the fake redelivers a webhook
  // that found it not yet listening.
  const { startDemoTraffic } = await import("./lib/demo/traffic");
  void startDemoTraffic();
}
