import type { FeatureJobs } from "@/lib/platform/background/job-registry";
import type { LineJobOptions } from "@/lib/line/rates";
import { audienceUploadJob } from "./audience-upload";

/** Uploading a segment's friends to LINE as an audience (a job per audience). */
export const AUDIENCE_JOB = "audience-upload";

export function segmentJobs(options: LineJobOptions): FeatureJobs {
  // An operator is watching an upload: it gets the urgent lane.
  return { handlers: { [AUDIENCE_JOB]: audienceUploadJob(options) }, urgent: [AUDIENCE_JOB] };
}
