import { env } from "@/lib/env.js";
import { demoEnabled, fakeControl, FIRST_FAKE_CHANNEL } from "./fake-control";
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
    const status = await fakeControl<TrafficStatus>(FIRST_FAKE_CHANNEL, "GET", "traffic");
    if (!status.running) await fakeControl(FIRST_FAKE_CHANNEL, "POST", "traffic", DEMO_TRAFFIC);
  } catch (err) {
    log().warn({ scope: "demo", err }, "could not start the simulated traffic");
  }
}
