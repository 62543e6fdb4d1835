/** The background job kinds of friends and chats (their handlers: ./jobs.ts). */
export const CONTACT_JOBS = {
  profile: "friend-profile",
  profilesRefresh: "friend-profiles-refresh",
  followersSync: "followers-sync",
  chatInfo: "chat-info",
} as const;
