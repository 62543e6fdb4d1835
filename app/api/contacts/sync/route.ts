import { getLineSync } from "@/db/queries/line-syncs";
import { FOLLOWERS_SYNC, syncFollowersNow } from "@/lib/contacts/followers-sync";
import { apiRoute } from "@/lib/runtime/api-route";
import { HttpError } from "@/lib/platform/http/errors";

/** An admin's "sync now": fetch LINE's follower id list again at once (it also runs daily). */
export const POST = apiRoute({ role: "admin" }, async ({ db, channelId, audit }) => {
  const current = await getLineSync(db, { channelId, name: FOLLOWERS_SYNC });
  // A "running" sync that has not moved for ten minutes is stuck (its job failed): start over.
  const running = current?.status === "running" && Date.now() - current.updatedAt.getTime() < 600_000;
  if (running || !(await syncFollowersNow(db, { channelId }))) {
    throw new HttpError(409, "sync_running", "A follower sync is running now");
  }
  await audit("friends.sync_requested", null, {});
  return Response.json({ status: "queued" }, { status: 202 });
});
