import { env } from "@/lib/env.js";
import { demoEnabled, fakeControl } from "./fake-control";
import { DEMO_TRAFFIC, type TrafficStatus } from "./traffic-settings";
import { log } from "@/lib/platform/log";

/**
 * At start-up in demo mode (instrumentation.ts): the fake's friends start writing at once, unless
 * DEMO_TRAFFIC=0, so a newcomer's first screens show the console at work. Best effort: a demo without
 * traffic still works, so a failure is only logged.
 */
export async function startDemoTraffic(): Promise<void> {
  if (!demoEnabled() || !env().DEMO_TRAFFIC) return;
  try {
    // Every account of the demo is alive, each at its own pace.
    const { channels } = await fakeControl<{ channels: Array<{ channelId: string }> }>("GET", "channels");
    for (const [i, c] of channels.entries()) {
      const scope = { lineChannelId: i === 0 ? null : c.channelId };
      const status = await fakeControl<TrafficStatus>("GET", "traffic", undefined, scope);
      if (!status.running) await fakeControl("POST", "traffic", DEMO_TRAFFIC, scope);
    }
  } catch (err) {
    log().warn({ scope: "demo", err }, "could not start the simulated traffic");
  }
}
