import type { FeatureJobs } from "@/lib/platform/background/job-registry";
import type { LineJobOptions } from "@/lib/line/rates";
import { mediaFetchJob } from "./fetch-media";
import type { MediaStorageOptions } from "./media-store";

/** Fetching a friend's image, video, audio or file from LINE (a job per message). */
export const MEDIA_JOB = "media-fetch";

export function mediaJobs(options: LineJobOptions & { storage: () => MediaStorageOptions }): FeatureJobs {
  // LINE deletes content after a while: media never queues behind a follower sync's profile backlog.
  return { handlers: { [MEDIA_JOB]: mediaFetchJob(options) }, urgent: [MEDIA_JOB] };
}
