// Apart from schemas.ts so the demo banner's browser code reads these without loading zod.

/**
 * The demo's simulated activity: about one event a second, for a quarter of an hour — enough for the
 * timeline, the overview and the friends list to come alive in the first minute, not so much that a
 * demo left open fills the disk. Started at start-up (lib/demo/traffic.ts), and from the banner.
 */
export const DEMO_TRAFFIC = { ratePerSecond: 1, durationMs: 15 * 60_000 } as const;

export interface TrafficStatus {
  running: boolean;
  ratePerSecond: number;
  startedAt: string | null;
  endsAt: string | null;
  generatedEvents: number;
}
