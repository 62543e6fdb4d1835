import type { Runtime } from "./runtime";

// The one process-wide slot the runtime is kept in. Next evaluates instrumentation and each route's
// bundle as separate module instances (and the launcher is another), so a module-level variable would be
// one per bundle. Light on purpose: the launcher reads it without loading the features.
const g = globalThis as typeof globalThis & { __oaRuntime?: Promise<Runtime> };

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
