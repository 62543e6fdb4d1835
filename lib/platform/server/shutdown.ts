// Stopping a server (a deploy, `docker stop`, Ctrl+C). The server's own signal handler (scripts/launch.ts,
// as `next start`'s did) stops taking connections, waits for the requests under way, then calls
// process.exit. Two things it does not know:
//
// - Live streams (/api/live) are requests that never finish by themselves, so its wait never ended and
//   the process was killed when the orchestrator's patience ran out. They end at the signal instead;
//   browsers reconnect on their own (to another instance, behind a load balancer).
// - What must be finished before the process ends: the background loop's jobs, the webhook's pending
//   timing rows, the database (PGlite checkpoints, and its lock file goes). `next start` exited 60 ms
//   after the signal, with the database still open. So the exit waits for these, 10 s at most.
//
// Where no one else handles the signal (a script, a signal before the server is up) this exits itself.

type Step = () => void | Promise<void>;

interface ShutdownState {
  installed: boolean;
  signalled: boolean;
  onSignal: Set<Step>;
  final: Array<{ order: number; name: string; run: Step }>;
  finishing?: Promise<void>;
}

const FINISH_WITHIN_MS = 10_000;

// On globalThis: instrumentation and the route handlers can be separate module instances.
const g = globalThis as typeof globalThis & { __oaShutdown?: ShutdownState };
const state = (g.__oaShutdown ??= { installed: false, signalled: false, onSignal: new Set(), final: [] });

/** Run `fn` the moment the server is told to stop (to end what would hold it open); answers an undo. */
export function whenStopping(fn: Step): () => void {
  if (state.signalled) {
    // In a microtask: after the caller has finished setting up what `fn` tears down.
    void Promise.resolve().then(fn).catch(logError("on signal"));
    return () => {};
  }
  state.onSignal.add(fn);
  return () => void state.onSignal.delete(fn);
}

/** Something to finish before the process exits, lowest `order` first. */
export function atShutdown(name: string, order: number, run: Step) {
  state.final = state.final.filter((s) => s.name !== name);
  state.final.push({ order, name, run });
  state.final.sort((a, b) => a.order - b.order);
}

/** Listen for SIGTERM and SIGINT (once per process; the server's start-up calls it). */
export function installShutdown() {
  if (state.installed) return;
  state.installed = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      state.signalled = true;
      for (const fn of state.onSignal) void Promise.resolve().then(fn).catch(logError("on signal"));
      state.onSignal.clear();
      // Another handler (Next's) drains the server and then exits: the exit waits for ours.
      if (process.listenerCount(signal) > 0) return holdExit();
      void finish().finally(() => process.exit(0));
    });
  }
}

/** The final steps, once, each in turn, all within FINISH_WITHIN_MS. */
function finish(): Promise<void> {
  state.finishing ??= (async () => {
    let timer: NodeJS.Timeout | undefined;
    const steps = (async () => {
      for (const step of state.final) await Promise.resolve().then(step.run).catch(logError(step.name));
    })();
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        console.error(`[shutdown] still finishing after ${FINISH_WITHIN_MS} ms; exiting anyway`);
        resolve();
      }, FINISH_WITHIN_MS);
    });
    await Promise.race([steps, late]);
    clearTimeout(timer);
  })();
  return state.finishing;
}

function holdExit() {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    process.exit = exit;
    void finish().finally(() => exit(code ?? undefined));
  }) as typeof process.exit;
}

function logError(step: string) {
  return (err: unknown) => console.error(`[shutdown] ${step}:`, (err as Error).message);
}
