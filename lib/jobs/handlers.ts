import type { JobHandler } from "./job-worker";

/**
 * Every job kind the background runner knows, by name. A feature adds its handler here (media
 * fetching, profile fetching, follower sync, audience status …).
 */
export const jobHandlers: Record<string, JobHandler> = {};
