import { afterEach, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { startBackgroundRunner } from "@/lib/platform/background/runner";

afterEach(() => vi.useRealTimers());

// The runner only listens for NOTIFY on its handle; nothing else of the database is used here.
const handle = { listen: async () => async () => {} } as unknown as DatabaseHandle;

describe("background runner", () => {
  it("spaces out rounds while the webhook is busy, so background work takes about a quarter of the time", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const starts: number[] = [];
    let busy = true;
    const runner = startBackgroundRunner({
      handle,
      yieldTo: () => busy,
      tasks: [
        {
          name: "slow",
          // Always finds work; each round takes 60 ms.
          tick: async () => {
            starts.push(performance.now());
            await new Promise((r) => setTimeout(r, 60));
            return 1;
          },
        },
      ],
    });
    await vi.advanceTimersByTimeAsync(1000);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    // 60 ms of work, then three times as long of waiting.
    expect(gaps.length).toBeGreaterThan(2);
    for (const gap of gaps) expect(gap).toBeCloseTo(240, -1);

    // Once deliveries stop, found work is taken up again at once.
    busy = false;
    const before = starts.length;
    await vi.advanceTimersByTimeAsync(600);
    expect(starts.length - before).toBeGreaterThanOrEqual(8);
    const stopped = runner.stop();
    await vi.advanceTimersByTimeAsync(100);
    await stopped;
  });

  it("asks idle tasks again at the usual interval, not in every round a busy task takes, and at once when woken", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    let busyTicks = 0;
    const idleTicks: number[] = [];
    const runner = startBackgroundRunner({
      handle,
      idleMs: 500,
      tasks: [
        // Always finds work; each round takes 10 ms.
        { name: "busy", tick: async () => (busyTicks++, await new Promise((r) => setTimeout(r, 10)), 1) },
        { name: "idle", tick: async () => (idleTicks.push(performance.now()), 0) },
      ],
    });
    await vi.advanceTimersByTimeAsync(1200);
    expect(busyTicks).toBeGreaterThan(100);
    // At 0, 500 and 1000 ms: not in each of the hundred-odd rounds between.
    expect(idleTicks.length).toBe(3);
    // (Within a round or two of the interval: rounds take 10 ms, and the busy task goes first.)
    for (const [i, at] of idleTicks.entries()) {
      expect(at).toBeGreaterThanOrEqual(i * 500);
      expect(at).toBeLessThan(i * 500 + 30);
    }

    // Woken (work was queued somewhere: NOTIFY), every task looks at once.
    // (That round starts when the one under way ends: within two rounds, 20 ms, not at 1,500 ms.)
    runner.nudge();
    await vi.advanceTimersByTimeAsync(25);
    expect(idleTicks.length).toBe(4);
    const stopped = runner.stop();
    await vi.advanceTimersByTimeAsync(100);
    await stopped;
  });

  it("while yielding to deliveries, a wake-up keeps the spacing but has the next round ask every task", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const busyStarts: number[] = [];
    const idleTicks: number[] = [];
    const runner = startBackgroundRunner({
      handle,
      idleMs: 5000,
      yieldTo: () => true,
      tasks: [
        { name: "busy", tick: async () => (busyStarts.push(performance.now()), await new Promise((r) => setTimeout(r, 60)), 1) },
        { name: "idle", tick: async () => (idleTicks.push(performance.now()), 0) },
      ],
    });
    // First round at 0 (60 ms of work, then 180 ms of waiting); woken in the middle of the wait.
    await vi.advanceTimersByTimeAsync(100);
    expect(idleTicks).toHaveLength(1);
    runner.nudge();
    await vi.advanceTimersByTimeAsync(300);
    expect(busyStarts[1]).toBeCloseTo(240, -1);
    expect(idleTicks).toHaveLength(2);
    expect(idleTicks[1]).toBeCloseTo(300, -1);
    const stopped = runner.stop();
    await vi.advanceTimersByTimeAsync(400);
    await stopped;
  });
});
