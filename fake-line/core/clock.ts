// The fake's notion of time. Everything that LINE measures in wall-clock time (reply-token expiry,
// retry-key memory, rate-limit windows, narrowcast phases, friendship durations) reads this clock, so
// tests can jump forward ("advance 24 h") or run time faster (scale) without waiting.

export type Clock = {
  now(): number;
  /** Moves the fake time forward (never backward). */
  advance(ms: number): void;
  /** Real milliseconds for a fake duration (used to arm timers). */
  toRealMs(fakeMs: number): number;
  readonly scale: number;
  offsetMs(): number;
};

export function createClock(options: { scale?: number; startAt?: number } = {}): Clock {
  const scale = options.scale && options.scale > 0 ? options.scale : 1;
  const realStart = Date.now();
  const fakeStart = options.startAt ?? realStart;
  let offset = 0;
  return {
    scale,
    now: () => Math.floor(fakeStart + (Date.now() - realStart) * scale + offset),
    advance: (ms) => {
      if (ms > 0) offset += ms;
    },
    toRealMs: (fakeMs) => Math.max(0, Math.ceil(fakeMs / scale)),
    offsetMs: () => offset,
  };
}
