import { create as contentDisposition } from "content-disposition";
import type { Db } from "@/db/client";
import { friendsForExport } from "@/db/queries/friends";
import { tagsOfFriends } from "@/db/queries/friend-tags";
import type { FriendFilter } from "@/db/queries/friend-filter";
import { CSV_BOM, csvRow } from "./csv";
import { serializeFriend } from "./serialize";

const PAGE = 1000;
const FRIEND_CSV_COLUMNS = ["user_id", "display_name", "status", "language", "tags", "first_seen_at", "last_active_at", "status_message"];

/**
 * The matching friends as a CSV download, streamed a page at a time (one query per page, so a 100,000-row
 * export never holds the database for long), in user id order.
 */
export function friendsCsvResponse(db: Db, params: { channelId: number; filter: FriendFilter; filename: string }): Response {
  const encoder = new TextEncoder();
  let after: string | undefined;
  let started = false;
  let done = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(FRIEND_CSV_COLUMNS)));
        return;
      }
      if (done) return controller.close();
      const rows = await friendsForExport(db, { channelId: params.channelId, filter: params.filter, after, limit: PAGE });
      const tags = await tagsOfFriends(db, { channelId: params.channelId, userIds: rows.map((r) => r.userId) });
      let text = "";
      for (const row of rows) {
        const f = serializeFriend(row, tags.get(row.userId) ?? []);
        text += csvRow([f.userId, f.displayName, f.status, f.language, f.tags.join(", "), f.firstSeenAt, f.lastActiveAt, f.statusMessage]);
      }
      after = rows.at(-1)?.userId;
      if (rows.length < PAGE) done = true;
      if (text) controller.enqueue(encoder.encode(text));
      if (done) controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      // RFC 6266's filename* carries a segment's name in any script (台北 VIP.csv), in every browser.
      "content-disposition": contentDisposition(params.filename),
      "cache-control": "no-store",
    },
  });
}
