import type { JobHandler } from "@/lib/platform/background/job-worker";
import { mediaFetchJob } from "@/lib/media/fetch-media";
import type { MediaStorageOptions } from "@/lib/media/media-store";
import { audienceUploadJob } from "@/lib/segments/audience-upload";
import { chatInfoJob } from "./chat-info";
import { followersSyncJob } from "./followers-sync";
import { JOB_KINDS } from "./job-kinds";
import { profileJob, profilesRefreshJob, type LineJobOptions } from "./profile-jobs";

/** The job handlers of friends, chats, media and segments, built on these LINE clients and storage. */
export function contactJobHandlers(options: LineJobOptions & { storage: () => MediaStorageOptions }): Record<string, JobHandler> {
  return {
    [JOB_KINDS.profile]: profileJob(options),
    [JOB_KINDS.profilesRefresh]: profilesRefreshJob(),
    [JOB_KINDS.followersSync]: followersSyncJob(options),
    [JOB_KINDS.chatInfo]: chatInfoJob(options),
    [JOB_KINDS.media]: mediaFetchJob(options),
    [JOB_KINDS.audience]: audienceUploadJob(options),
  };
}
