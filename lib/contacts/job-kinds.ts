/** Background job kinds of friends, chats, media and segments (handlers: lib/contacts/job-handlers.ts). */
export const JOB_KINDS = {
  profile: "friend-profile",
  profilesRefresh: "friend-profiles-refresh",
  followersSync: "followers-sync",
  chatInfo: "chat-info",
  media: "media-fetch",
  audience: "audience-upload",
} as const;
