// The friend statuses the database knows (db/schema/enums.ts), for this feature and browser code.
export { FRIEND_STATUSES, type FriendStatus } from "@/db/schema/enums";
