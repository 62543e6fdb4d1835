import type { Db } from "@/db/client";
import { getRichMenu } from "@/db/queries/rich-menus";
import { getLinkRun, insertLinkRun, listLinkRuns, requeueFailedBatches, type LinkRunRow } from "@/db/queries/rich-menu-link-runs";
import type { Actor } from "@/lib/auth/require-actor";
import { ulid } from "@/lib/platform/ids";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import { segmentRecipientIds } from "@/lib/segments/segment-recipients";
import { authorLabel } from "@/lib/sends/author";
import type { LinkTarget } from "./rich-menu-requests";
import { BULK_LINK_SIZE } from "./rich-menu-schema";

// Link runs: a menu linked to (or unlinked from) many friends with LINE's bulk endpoints. The audience is
// fixed when the run is made — a segment is evaluated then — and split into batches of 500, each friend
// in exactly one batch, so a resumed run links the same friends. link-worker.ts sends the batches.

export async function createLinkRun(
  db: Db,
  params: { channelId: number; actor: Actor; action: "link" | "unlink"; richMenuId?: string; target: LinkTarget },
): Promise<LinkRunRow> {
  const { channelId } = params;
  if (params.action === "link") {
    const menu = await getRichMenu(db, { channelId, id: params.richMenuId! });
    if (!menu) throw notFound("Rich menu");
    if (!menu.lineRichMenuId) throw new HttpError(409, "rich_menu_not_published", "Publish this rich menu first: LINE knows only published menus");
  }
  const { userIds, target } = await audience(db, channelId, params.target);
  const batches: string[][] = [];
  for (let i = 0; i < userIds.length; i += BULK_LINK_SIZE) batches.push(userIds.slice(i, i + BULK_LINK_SIZE));
  return insertLinkRun(db, {
    run: {
      id: ulid(),
      channelId,
      action: params.action,
      richMenuId: params.richMenuId ?? null,
      target,
      total: userIds.length,
      authorKind: params.actor.kind,
      authorId: params.actor.id,
      authorLabel: authorLabel(params.actor),
    },
    batches,
  });
}

/** A failed run again: its failed batches back in the queue (the friends fixed when it was made). */
export async function resumeLinkRun(db: Db, params: { channelId: number; id: string }): Promise<LinkRunRow> {
  const run = await getLinkRun(db, params);
  if (!run) throw notFound("Link run");
  if (run.status !== "failed") throw new HttpError(409, "link_run_not_failed", `Only a failed run can be resumed; this one is ${run.status}`);
  await requeueFailedBatches(db, { channelId: params.channelId, runId: run.id });
  return (await getLinkRun(db, params))!;
}

export async function readLinkRun(db: Db, params: { channelId: number; id: string }) {
  const run = await getLinkRun(db, params);
  if (!run) throw notFound("Link run");
  return { run: serializeLinkRun(run) };
}

export async function readLinkRuns(db: Db, params: { channelId: number; richMenuId?: string }) {
  return { runs: (await listLinkRuns(db, { ...params, limit: 100 })).map(serializeLinkRun) };
}

export function serializeLinkRun(r: LinkRunRow) {
  return {
    id: r.id,
    action: r.action,
    richMenuId: r.richMenuId,
    target: r.target,
    status: r.status,
    total: r.total,
    done: r.doneCount,
    failed: r.failedCount,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    author: { kind: r.authorKind, label: r.authorLabel },
  };
}

// The friends named (deduplicated: a friend in two batches could be linked twice), or the segment's now.
async function audience(db: Db, channelId: number, target: LinkTarget) {
  if (target.kind === "friends") return { userIds: [...new Set(target.userIds)], target: { kind: "friends" as const } };
  const { segment, to } = await segmentRecipientIds(db, { channelId, segmentId: target.segmentId, property: "target.segmentId" });
  if (to.length === 0) {
    throw new HttpError(400, "segment_empty", "target.segmentId: the segment matches no friends now", [
      { property: "target.segmentId", message: "the segment matches no friends now", key: "validation.segmentEmpty" },
    ]);
  }
  return { userIds: to, target: { kind: "segment" as const, segmentId: segment.id, segmentName: segment.name } };
}
