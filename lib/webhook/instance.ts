import { getDatabase } from "@/db/instance";
import { env } from "@/lib/env.js";
import { atShutdown } from "@/lib/platform/server/shutdown";
import { createWebhookIntake, type WebhookIntake } from "./intake";

const g = globalThis as typeof globalThis & { __oaWebhookIntake?: Promise<WebhookIntake> };

/** The process's webhook intake (one write queue per process), created on first use. */
export function getWebhookIntake(): Promise<WebhookIntake> {
  g.__oaWebhookIntake ??= (async () => {
    const { handle, channelId } = await getDatabase();
    const intake = createWebhookIntake({
      db: handle.db,
      priorityDb: handle.priorityDb,
      // Two writes: one being written while the next gathers (see createGroupCommit's `outstanding`).
      // On PGlite the second waits on the database thread, ready to start the moment the first ends.
      writeConcurrency: 2,
      channelId,
      channelSecret: env().LINE_CHANNEL_SECRET,
    });
    // The handler latencies of the last second are written before the database closes.
    atShutdown("webhook timings", 20, () => intake.close());
    return intake;
  })().catch((err) => {
    g.__oaWebhookIntake = undefined;
    throw err;
  });
  return g.__oaWebhookIntake;
}
