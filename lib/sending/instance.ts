import { getDatabase } from "@/db/instance";
import { env } from "@/lib/env.js";
import { lineClients } from "@/lib/line/clients";
import { startSendRunner } from "./runner";

const g = globalThis as typeof globalThis & { __oaSendRunner?: Promise<ReturnType<typeof startSendRunner>> };

/** This instance's background sender (started once at server start-up, when LINE is configured). */
export function ensureSendRunner() {
  if (!env().lineConfigured) return undefined;
  g.__oaSendRunner ??= getDatabase().then(({ handle }) => {
    const runner = startSendRunner({ handle, clients: lineClients });
    const stop = () => void runner.stop();
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
    return runner;
  });
  return g.__oaSendRunner;
}
