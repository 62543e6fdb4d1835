import type { Db } from "@/db/client";
import { variantRecipientIds } from "@/db/queries/campaigns";
import { friendUserIds } from "@/db/queries/friends";
import { HttpError } from "@/lib/platform/http/errors";
import { segmentRecipientIds } from "@/lib/segments/segment-recipients";
import type { AbAudience, AbTestState } from "./ab-test-schemas";
import { isHeldOut } from "./ab-test-split";

// Who an A/B test is for, read now: every friend following the account (our friends table), or the
// friends a saved segment matches. The rest (who the winner goes to) is that audience as it is when the
// winner is sent, without anyone a variant went to and without the holdout.

const PAGE = 10_000;

/** The audience's user ids now, in id order (and the segment's name). 400 when the segment is not there. */
export async function audienceIds(db: Db, params: { channelId: number; audience: AbAudience }): Promise<{ ids: string[]; segmentName?: string }> {
  if (params.audience.kind === "segment") {
    const { segment, to } = await segmentRecipientIds(db, {
      channelId: params.channelId,
      segmentId: params.audience.segmentId,
      property: "audience.segmentId",
    });
    return { ids: to, segmentName: segment.name };
  }
  const ids: string[] = [];
  for (let after: string | undefined; ;) {
    const page = await friendUserIds(db, { channelId: params.channelId, filter: { statuses: ["friend"] }, after, limit: PAGE });
    ids.push(...page);
    if (page.length < PAGE) break;
    after = page.at(-1);
  }
  return { ids };
}

/** The friends the winner would go to now. 409 when the test's segment has been deleted since. */
export async function restRecipients(db: Db, params: { channelId: number; campaignId: string; state: AbTestState }): Promise<string[]> {
  const { state } = params;
  let audience: string[];
  try {
    audience = (await audienceIds(db, { channelId: params.channelId, audience: state.audience })).ids;
  } catch (err) {
    if (!(err instanceof HttpError) || err.status !== 400) throw err;
    throw new HttpError(409, "segment_deleted", "The test's segment has been deleted: its rest cannot be read any more");
  }
  const sent = new Set(await variantRecipientIds(db, { channelId: params.channelId, campaignId: params.campaignId }));
  return audience.filter((id) => !sent.has(id) && !isHeldOut(state.seed, id, state.holdoutPercent));
}
