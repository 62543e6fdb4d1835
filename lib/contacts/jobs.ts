import type { FeatureJobs } from "@/lib/platform/background/job-registry";
import type { LineJobOptions } from "@/lib/line/rates";
import { chatInfoJob } from "./chat-info";
import { followersSyncJob } from "./followers-sync";
import { CONTACT_JOBS } from "./job-kinds";
import { profileJob, profilesRefreshJob } from "./profile-jobs";

/** The job handlers of friends and chats, for the runtime's registry. */
export function contactJobs(options: LineJobOptions): FeatureJobs {
  return {
    handlers: {
      [CONTACT_JOBS.profile]: profileJob(options),
      [CONTACT_JOBS.profilesRefresh]: profilesRefreshJob(),
      [CONTACT_JOBS.followersSync]: followersSyncJob(options),
      [CONTACT_JOBS.chatInfo]: chatInfoJob(options),
    },
  };
}
