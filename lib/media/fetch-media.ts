import type { Readable } from "node:stream";
import { isHttpFetchError } from "@/lib/line/line-errors";
import type { Db } from "@/db/client";
import { getMedia, settleMedia } from "@/db/queries/media";
import { reserveLineRate } from "@/lib/line/rates";
import type { LineJobOptions } from "@/lib/line/rates";
import type { JobHandler } from "@/lib/platform/background/job-worker";
import { storeMedia, type MediaStorageOptions } from "./media-store";

// LINE keeps what friends send only for a while, so each content message is fetched once (job key =
// message id), shortly after the projection sees it: 202 "still preparing" (large video/audio) is
// asked again later without counting an attempt; 404 and 410 are final and recorded; anything over
// MEDIA_MAX_BYTES is recorded as too large and nothing is kept.

/** Give up on "still preparing" after this many polls (backing off to a minute: about two hours). */
const MAX_PREPARING_POLLS = 150;

export function mediaFetchJob(options: LineJobOptions & { storage: () => MediaStorageOptions }): JobHandler {
  return async (job, { db }) => {
    const p = job.payload as { channelId: number; messageId: string; messageType: string; polls?: number };
    const item = await getMedia(db, { channelId: p.channelId, messageId: p.messageId });
    if (!item || item.status !== "pending") return;
    const slot = await reserveLineRate(db, { channelId: p.channelId, kind: "content", rates: options.rates });
    if (!slot.ok) return { retryAt: slot.retryAt, holdKind: true };
    const storage = options.storage();
    const blob = (await options.clients(p.channelId)).blob;
    const settle = (fields: Omit<Parameters<typeof settleMedia>[1], "channelId" | "messageId">) =>
      settleMedia(db, { channelId: p.channelId, messageId: p.messageId, ...fields });

    let res;
    try {
      res = await blob.getMessageContentWithHttpInfo(p.messageId);
    } catch (err) {
      const status = isHttpFetchError(err) ? err.status : null;
      if (status === 410) return void (await settle({ status: "gone", error: "LINE: the content is gone (410)" }));
      if (status === 404) return void (await settle({ status: "missing", error: "LINE: not found (404)" }));
      if (status === 429) return { retryAt: new Date(Date.now() + 2000 + Math.random() * 3000), holdKind: true };
      if ((status !== null && status < 500) || job.attempts >= job.maxAttempts) {
        await settle({ status: "failed", error: (err as Error).message });
        return;
      }
      throw err;
    }

    if (res.httpResponse.status === 202) {
      res.body.destroy();
      const polls = (p.polls ?? 0) + 1;
      if (polls > MAX_PREPARING_POLLS) return void (await settle({ status: "failed", error: "LINE kept answering 202 (still preparing)" }));
      return { retryAt: new Date(Date.now() + Math.min(60_000, 1000 * 2 ** Math.min(polls - 1, 6))), payload: { ...p, polls } };
    }

    const declared = Number(res.httpResponse.headers.get("content-length") ?? NaN);
    const contentType = res.httpResponse.headers.get("content-type")?.split(";")[0]?.trim() || null;
    if (declared > storage.maxBytes) {
      res.body.destroy();
      return void (await settle({ status: "too_large", size: declared, contentType, error: `Larger than MEDIA_MAX_BYTES (${storage.maxBytes})` }));
    }
    const size = await storeMedia(db, storage, { channelId: p.channelId, messageId: p.messageId, variant: "original" }, res.body);
    if (size === null) return void (await settle({ status: "too_large", contentType, error: `Larger than MEDIA_MAX_BYTES (${storage.maxBytes})` }));

    const preview = p.messageType === "image" || p.messageType === "video" ? await fetchPreview(db, options, storage, p) : null;
    await settle({
      status: "ready",
      storage: storage.storage,
      contentType,
      size,
      previewContentType: preview?.contentType ?? null,
      previewSize: preview?.size ?? null,
      error: null,
    });
  };
}

// LINE's smaller JPEG/PNG of an image or video: the thumbnail in lists. Not worth a retry when LINE
// fails it: images fall back to the original, videos to an icon. A full rate window is different (the
// original may have taken its last request, or fallen in its closing 100 ms): wait for the next one
// (about a second) rather than lose the thumbnail for good.
async function fetchPreview(db: Db, options: LineJobOptions, storage: MediaStorageOptions, p: { channelId: number; messageId: string }) {
  let slot = await reserveLineRate(db, { channelId: p.channelId, kind: "content", rates: options.rates });
  for (let waits = 0; !slot.ok && waits < 3; waits++) {
    const { retryAt } = slot;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, retryAt.getTime() - Date.now())));
    slot = await reserveLineRate(db, { channelId: p.channelId, kind: "content", rates: options.rates });
  }
  if (!slot.ok) return null;
  let body: Readable | undefined;
  try {
    const res = await (await options.clients(p.channelId)).blob.getMessageContentPreviewWithHttpInfo(p.messageId);
    body = res.body;
    if (res.httpResponse.status !== 200) return null;
    const contentType = res.httpResponse.headers.get("content-type")?.split(";")[0]?.trim() || "image/jpeg";
    const size = await storeMedia(db, storage, { channelId: p.channelId, messageId: p.messageId, variant: "preview" }, res.body);
    return size === null ? null : { contentType, size };
  } catch {
    return null;
  } finally {
    body?.destroy();
  }
}
