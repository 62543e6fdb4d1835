import type { Runtime } from "./runtime";

// The one process-wide slot the runtime is kept in. Next evaluates instrumentation and each route's
// bundle as separate module instances (and the launcher is another), so a module-level variable would be
// one per bundle. Light on purpose: the launcher reads it without loading the features.
const g = globalThis as typeof globalThis & { __oaRuntime?: Promise<Runtime>; __oaStartup?: Startup };

export function runtimeSlot(): Promise<Runtime> | undefined {
  return g.__oaRuntime;
}

export function fillRuntimeSlot(build: () => Promise<Runtime>): Promise<Runtime> {
  g.__oaRuntime ??= build().catch((err: unknown) => {
    g.__oaRuntime = undefined;
    throw err;
  });
  return g.__oaRuntime;
}

/** Stop the process's runtime, if one was built (the server's stop signal; tests between files). */
export async function stopRuntime(): Promise<void> {
  const pending = g.__oaRuntime;
  g.__oaRuntime = undefined;
  await (await pending?.catch(() => undefined))?.stop();
}

// The server's start-up, between the launcher (scripts/launch.ts) and instrumentation.ts: the launcher
// takes no connection before the runtime is built, and a runtime that cannot be built (the database
// locked, unreachable or unreadable) stops the process with the reason, for its supervisor to restart it.
// Left to Next, a failing instrumentation hook is logged and the server answers every request with 500.
interface Startup {
  waiting: boolean;
  begun: Promise<{ runtime: Promise<Runtime> }>;
  begin(runtime: Promise<Runtime>): void;
}

function startup(): Startup {
  if (!g.__oaStartup) {
    let begin!: Startup["begin"];
    // The runtime travels in an object: a promise resolved with a promise would wait for it.
    const begun = new Promise<{ runtime: Promise<Runtime> }>((resolve) => (begin = (runtime) => resolve({ runtime })));
    g.__oaStartup = { waiting: false, begun, begin };
  }
  return g.__oaStartup;
}

/** The launcher, before Next loads: the runtime instrumentation.ts starts building, as soon as it has begun. */
export function awaitRuntimeStartup(): Promise<{ runtime: Promise<Runtime> }> {
  const s = startup();
  s.waiting = true;
  return s.begun;
}

/** instrumentation.ts: hands the runtime being built to the launcher. Answers whether a launcher is waiting for it. */
export function reportRuntimeStartup(runtime: Promise<Runtime>): boolean {
  const s = startup();
  s.begin(runtime);
  return s.waiting;
}
