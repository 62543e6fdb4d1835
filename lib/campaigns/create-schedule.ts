import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { insertCampaign } from "@/db/queries/campaigns";
import { insertSchedule } from "@/db/queries/schedules";
import type { Actor } from "@/lib/auth/require-actor";
import { assertChannelSends } from "@/lib/channel/credentials";
import type { ChannelLine } from "@/lib/line/insight";
import { resolveSegmentRecipients } from "@/lib/segments/segment-recipients";
import type { CreateScheduleBody } from "./schedule-schemas";
import { scheduledBody, summarizeSend } from "./schedule-send";
import { scheduleWarnings } from "./schedule-warnings";
import { authorLabel } from "@/lib/sends/author";

/**
 * Schedule a send: checked now as sending would check it (so a bad one is refused now, not at its time),
 * stored with the campaign it is measured in — a single send, or a recurring one named by its title or
 * the start of its first message — and answered with the quiet-hour and holiday warnings of its time.
 */
export async function createSchedule(db: Db, params: { channelId: number; actor: Actor; body: CreateScheduleBody; line: ChannelLine }) {
  const { channelId, actor, body } = params;
  await assertChannelSends(db, channelId);
  const send = await scheduledBody(db, { channelId, kind: body.kind, request: body.request, draftId: body.draftId ?? null });
  // A segment must exist and match friends now; it is resolved again at each start.
  await resolveSegmentRecipients(db, channelId, send);
  const runAt = new Date(body.runAt);
  const title = body.title || summarizeSend(send);
  const author = authorFields(actor);
  const schedule = await db.transaction(async (tx) => {
    const campaign = await insertCampaign(tx, { id: randomUUID(), channelId, name: title, kind: body.repeat === "none" ? "single" : "recurring", ...author });
    return insertSchedule(tx, {
      id: randomUUID(),
      channelId,
      campaignId: campaign.id,
      kind: body.kind,
      title,
      request: body.draftId ? null : send,
      draftId: body.draftId ?? null,
      runAt,
      anchorAt: runAt,
      timeZone: body.timeZone,
      repeat: body.repeat,
      repeatUntil: body.repeatUntil ? new Date(body.repeatUntil) : null,
      ...author,
    });
  });
  return { schedule, warnings: await scheduleWarnings(params.line, runAt) };
}

/** Who a schedule (and its campaign, and its sends) is by, as createSend labels a send's author. */
function authorFields(actor: Actor) {
  return {
    authorKind: actor.kind,
    authorId: actor.id,
    authorLabel: authorLabel(actor),
  };
}
