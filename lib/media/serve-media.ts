import { create as contentDisposition } from "content-disposition";
import type { Db } from "@/db/client";
import { lastAllocatedEventId } from "@/db/queries/friends-projection";
import { getProjectionPosition } from "@/db/queries/jobs";
import { getMedia } from "@/db/queries/media";
import type { MediaRow, MediaVariant } from "@/db/schema/media";
import { FRIENDS_PROJECTION } from "@/lib/contacts/friends-projection";
import { env } from "@/lib/env.js";
import { readMedia } from "./media-store";

// Media as the browser gets it. What friends send is untrusted content served from our own origin, so
// the content type is one of a known-safe list (never HTML, SVG or script), files are always downloads,
// and every answer carries a sandboxing Content-Security-Policy. Content never changes once fetched:
// private (signed-in) caching for a year, ETag, and Range for seeking in audio and video.

const SAFE_TYPES: Record<MediaRow["messageType"], RegExp> = {
  image: /^image\/(png|jpeg|gif|webp|heic|heif|bmp)$/,
  video: /^video\/(mp4|quicktime|webm|3gpp|x-m4v)$/,
  audio: /^audio\/(mp4|m4a|x-m4a|aac|mpeg|mp3|wav|x-wav|wave|ogg|webm|3gpp|amr)$/,
  file: /^(application\/(pdf|zip|json|octet-stream|msword|vnd\.[\w.+-]+)|text\/(plain|csv)|image\/(png|jpeg|gif|webp))$/,
};

const NO_STORE = { "cache-control": "no-store" };

export async function mediaResponse(req: Request, db: Db, params: { channelId: number; messageId: string; variant: MediaVariant }): Promise<Response> {
  const valid = /^[0-9A-Za-z_-]{1,64}$/.test(params.messageId);
  const item = valid ? await getMedia(db, params) : undefined;
  if (!item) {
    // The media row is made by the friends projection, a moment after the event is stored (longer while
    // deliveries pour in). Until it has read every stored event, an unknown message may still be on its
    // way: "not yet" rather than "not found", or the browser gives up on a picture that is coming.
    if (valid && (await projectionBehind(db))) return pending();
    return problem(404, "not_found", "No media is known for this message");
  }
  if (item.status !== "ready") return notReady(item);

  let size = item.size ?? 0;
  let contentType = item.contentType ?? "";
  let variant = params.variant;
  if (variant === "preview") {
    if (item.previewSize !== null) {
      size = item.previewSize;
      contentType = item.previewContentType ?? "image/jpeg";
    } else if (item.messageType === "image") {
      variant = "original"; // no preview kept: the original is an image too
    } else {
      return problem(404, "media_no_preview", "There is no preview for this media");
    }
  }
  const safeType = SAFE_TYPES[variant === "preview" ? "image" : item.messageType].test(contentType.toLowerCase()) ? contentType : "application/octet-stream";
  const etag = `"${item.messageId}-${variant}-${size}"`;
  const headers: Record<string, string> = {
    "content-type": safeType,
    "accept-ranges": "bytes",
    "cache-control": "private, max-age=31536000, immutable",
    etag,
    "content-security-policy": "default-src 'none'; sandbox",
    "x-content-type-options": "nosniff",
    "content-disposition": disposition(item, variant, new URL(req.url).searchParams.has("download")),
  };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

  const range = parseRange(req.headers.get("range"), size);
  if (range === "invalid") return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${size}` } });
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const chunks = readMedia(db, { storage: item.storage, dir: env().MEDIA_DIR, channelId: item.channelId, messageId: item.messageId, variant }, { start, end });
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  headers["content-length"] = String(end - start + 1);
  if (range) headers["content-range"] = `bytes ${start}-${end}/${size}`;
  return new Response(body, { status: range ? 206 : 200, headers });
}

function notReady(item: MediaRow): Response {
  switch (item.status) {
    case "pending":
      return pending();
    case "gone":
      return problem(410, "media_gone", "LINE no longer has this content (it was unsent or expired before it was fetched)");
    case "missing":
      return problem(404, "media_missing", "LINE did not find this content");
    case "too_large":
      return problem(413, "media_too_large", `This is larger than the console keeps (MEDIA_MAX_BYTES)`);
    case "external":
      return problem(404, "media_external", "This content is hosted outside LINE");
    case "expired":
      return problem(410, "media_expired", "The console deleted this after its retention period (RETAIN_MEDIA_DAYS)");
    default:
      return problem(502, "media_failed", item.error ?? "Fetching this from LINE failed");
  }
}

function pending() {
  return Response.json(
    { code: "media_pending", message: "The console is still fetching this from LINE" },
    { status: 202, headers: { ...NO_STORE, "retry-after": "2" } },
  );
}

async function projectionBehind(db: Db): Promise<boolean> {
  const [allocated, position] = await Promise.all([lastAllocatedEventId(db), getProjectionPosition(db, { name: FRIENDS_PROJECTION })]);
  return allocated > position;
}

function problem(status: number, code: string, message: string) {
  return Response.json({ code, message }, { status, headers: NO_STORE });
}

/** A single byte range ("bytes=0-", "bytes=100-199", "bytes=-500"), null for none, or invalid. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null | "invalid" {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return "invalid";
  let start: number;
  let end: number;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? "invalid" : { start, end };
}

// Files download under their own name (RFC 6266: an ASCII fallback and the UTF-8 name); images, video
// and audio show inline unless a download was asked for.
function disposition(item: MediaRow, variant: MediaVariant, download: boolean): string {
  const name = item.fileName ?? `${item.messageType}-${item.messageId}${extension(item.contentType)}`;
  const kind = item.messageType === "file" || download ? "attachment" : "inline";
  if (variant === "preview") return contentDisposition(`preview-${item.messageId}.jpg`, { type: "inline" });
  // RFC 6266: the name in any script as filename*, and an ASCII stand-in for the oldest clients.
  return contentDisposition(name, { type: kind, fallback: name.replace(/[^\x20-\x7e]|["\\%]/g, "_") });
}

function extension(contentType: string | null): string {
  const sub = contentType?.split("/")[1]?.replace(/^x-/, "");
  return sub && /^[a-z0-9]{2,5}$/.test(sub) ? `.${sub === "jpeg" ? "jpg" : sub}` : "";
}
