/** Background job kinds of friends, chats, media and segments (handlers: lib/contacts/job-handlers.ts). */
export const JOB_KINDS = {
  profile: "friend-profile",
  profilesRefresh: "friend-profiles-refresh",
  followersSync: "followers-sync",
  chatInfo: "chat-info",
  media: "media-fetch",
  audience: "audience-upload",
} as const;

/**
 * Jobs that must not wait behind a backlog of profile fetches (a follower sync can queue 100,000): LINE
 * deletes content after a while, and an operator is watching an audience upload. They get a worker of
 * their own (lib/platform/background/instance.ts).
 */
export const PRIORITY_JOB_KINDS: readonly string[] = [JOB_KINDS.media, JOB_KINDS.audience];
