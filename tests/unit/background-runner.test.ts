import { afterEach, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { startBackgroundRunner } from "@/lib/background/runner";

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
});
