import type { Db } from "@/db/client";
import { createDestination, findDestinationByName } from "@/db/queries/relay-destinations";

export const DEMO_DESTINATION_NAME = "Sample bot (demo)";

/**
 * Demo mode's default destination: the sample bot the launcher runs (examples/echo-bot), signed as LINE
 * signed it. A friend writes in the simulator, the console stores it and hands it on, the bot replies
 * with the reply token. Created when missing at start-up; an operator may pause it or change it.
 */
export async function ensureDemoDestination(db: Db, params: { channelId: number; url: string }) {
  const existing = await findDestinationByName(db, { channelId: params.channelId, name: DEMO_DESTINATION_NAME });
  if (existing) return;
  await createDestination(db, {
    channelId: params.channelId,
    createdBy: "demo",
    values: {
      name: DEMO_DESTINATION_NAME,
      url: params.url,
      signing: "line",
      enabled: true,
      eventTypes: null,
      sourceTypes: null,
      modes: null,
      unseenOnly: false,
      timeoutMs: 10_000,
      secretCiphertext: null,
    },
  });
}
