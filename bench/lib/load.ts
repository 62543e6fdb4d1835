/**
 * Run `task` from `concurrency` workers until `durationMs` passes (or `maxRequests` are made).
 * Latencies are measured per call in milliseconds; nothing here sleeps, so it is a closed loop.
 */
export async function closedLoop<T>(opts: {
  concurrency: number;
  durationMs: number;
  maxRequests?: number;
  /** `worker` is the loop making the call (0 … concurrency-1), e.g. to pick its connection. */
  task: (i: number, worker: number) => Promise<T>;
}) {
  const latencies: number[] = [];
  const results: T[] = [];
  const started = performance.now();
  const end = started + opts.durationMs;
  let next = 0;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async (_, worker) => {
      while (performance.now() < end && (opts.maxRequests === undefined || next < opts.maxRequests)) {
        const i = next++;
        const t0 = performance.now();
        results.push(await opts.task(i, worker));
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, results, elapsedMs: performance.now() - started };
}
