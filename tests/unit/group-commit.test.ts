import { afterEach, describe, expect, it, vi } from "vitest";
import { createGroupCommit } from "@/lib/platform/group-commit";

afterEach(() => vi.useRealTimers());

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("group commit", () => {
  it("writes a lone item at once, alone", async () => {
    const batches: number[][] = [];
    const gc = createGroupCommit<number>(async (items) => void batches.push(items), { maxBatch: 10, concurrency: 1, lingerMs: 50 });
    await gc.submit(1);
    expect(batches).toEqual([[1]]);
  });

  it("writes items that arrive during a write together in the next one", async () => {
    const batches: number[][] = [];
    const first = deferred();
    const gc = createGroupCommit<number>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await first.promise;
      },
      { maxBatch: 10, concurrency: 1 },
    );
    const p1 = gc.submit(1);
    const rest = [2, 3, 4].map((n) => gc.submit(n));
    first.resolve();
    await Promise.all([p1, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("holds a write open for company while busy, and only then", async () => {
    vi.useFakeTimers();
    const batches: number[][] = [];
    const gc = createGroupCommit<number>(async (items) => void batches.push(items), { maxBatch: 10, concurrency: 1, lingerMs: 5, busyWindowMs: 20 });
    await gc.submit(1); // idle: immediate
    const a = gc.submit(2); // right after a write: lingers
    const b = gc.submit(3);
    await Promise.resolve();
    expect(batches).toEqual([[1]]);
    await vi.advanceTimersByTimeAsync(5);
    await Promise.all([a, b]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it("never runs more writes at once than its concurrency", async () => {
    let running = 0;
    let peak = 0;
    const gc = createGroupCommit<number>(
      async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
      },
      { maxBatch: 1, concurrency: 3 },
    );
    await Promise.all(Array.from({ length: 12 }, (_, i) => gc.submit(i)));
    expect(peak).toBe(3);
  });

  it("fails only the bad item when a batch is refused for its data", async () => {
    const written: number[] = [];
    const gc = createGroupCommit<number>(
      async (items) => {
        if (items.includes(13)) throw Object.assign(new Error("bad data"), { code: "22P02" });
        written.push(...items);
      },
      { maxBatch: 10, concurrency: 1, isolateFailures: (e) => (e as { code?: string }).code === "22P02" },
    );
    // 0 is written alone at once; 12–14 arrive while it runs and are batched together.
    const blocker = gc.submit(0);
    const results = await Promise.allSettled([blocker, ...[12, 13, 14].map((n) => gc.submit(n))]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(written.sort()).toEqual([0, 12, 14]);
  });

  it("fails every item of a batch when the store is down", async () => {
    const gc = createGroupCommit<number>(
      async () => {
        throw new Error("connection refused");
      },
      { maxBatch: 10, concurrency: 1, isolateFailures: () => false },
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => gc.submit(n)));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
  });

  describe("sized by outstanding callers", () => {
    it("splits ten callers over two writes into alternating batches of five", async () => {
      const batches: number[][] = [];
      const release = [deferred(), deferred(), deferred()];
      const gc = createGroupCommit<number>(
        async (items) => {
          batches.push(items);
          await release[batches.length - 1]!.promise;
        },
        { maxBatch: 100, concurrency: 2, lingerMs: 20, outstanding: () => 10 },
      );
      const done = Array.from({ length: 12 }, (_, i) => gc.submit(i));
      await Promise.resolve();
      // Two writes of five are under way at once; the last two wait for a free slot.
      expect(batches).toEqual([
        [0, 1, 2, 3, 4],
        [5, 6, 7, 8, 9],
      ]);
      release[0]!.resolve();
      release[1]!.resolve();
      release[2]!.resolve();
      await Promise.all(done);
      expect(batches.slice(2)).toEqual([[10, 11]]);
    });

    it("writes a lone caller at once, with no linger", async () => {
      vi.useFakeTimers();
      const batches: number[][] = [];
      const gc = createGroupCommit<number>(async (items) => void batches.push(items), { maxBatch: 100, concurrency: 2, lingerMs: 1000, outstanding: () => 1 });
      const p = gc.submit(1);
      await Promise.resolve();
      expect(batches).toEqual([[1]]);
      await p;
    });

    it("waits for its share at most lingerMs, then writes what has gathered", async () => {
      vi.useFakeTimers();
      const batches: number[][] = [];
      const gc = createGroupCommit<number>(async (items) => void batches.push(items), { maxBatch: 100, concurrency: 2, lingerMs: 2, outstanding: () => 10 });
      const a = gc.submit(1);
      const b = gc.submit(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(batches).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      await Promise.all([a, b]);
      expect(batches).toEqual([[1, 2]]);
    });

    it("starts the write the moment its share is complete", async () => {
      vi.useFakeTimers();
      const batches: number[][] = [];
      let outstanding = 4;
      const gc = createGroupCommit<number>(async (items) => void batches.push(items), {
        maxBatch: 100,
        concurrency: 2,
        lingerMs: 1000,
        outstanding: () => outstanding,
      });
      const a = gc.submit(1);
      await Promise.resolve();
      expect(batches).toEqual([]);
      const b = gc.submit(2);
      await Promise.resolve();
      expect(batches).toEqual([[1, 2]]);
      outstanding = 2;
      await Promise.all([a, b]);
    });
  });
});
