import { contactJobHandlers } from "@/lib/contacts/job-handlers";
import { lineClients } from "@/lib/line/clients";
import { mediaStorageFromEnv } from "@/lib/media/media-store";
import type { JobHandler } from "../platform/background/job-worker";

/**
 * Every job kind the background runner knows, by name. A feature adds its handler here (media
 * fetching, profile fetching, follower sync, audience status …).
 */
export const jobHandlers: Record<string, JobHandler> = {
  ...contactJobHandlers({ clients: lineClients, storage: mediaStorageFromEnv }),
};
