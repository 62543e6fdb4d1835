// api-data.line.me paths: message content, preview and transcoding status for what fake users sent.
// Video and audio answer 202 while "preparing" (contentPreparingMs after sending); unsent messages 410.
import { photoPng } from "../media/images";
import { audioWav, fileContent, videoMp4 } from "../media/content-bytes";
import type { UserMessage } from "../domain/user-messages";
import { json, lineError, type HttpReply } from "../http/reply";
import type { Route, RouteContext } from "../http/route";

const BINARY = new Set(["image", "video", "audio", "file"]);

export const contentRoutes: Route[] = [
  {
    method: "GET",
    path: "/v2/bot/message/:messageId/content",
    rateClass: "default",
    handle: (ctx) => withContent(ctx, (m) => (preparing(ctx, m) ? { status: 202, bytes: Buffer.alloc(0), contentType: contentTypeOf(m) } : original(m))),
  },
  {
    method: "GET",
    path: "/v2/bot/message/:messageId/content/preview",
    rateClass: "default",
    handle: (ctx) =>
      withContent(ctx, (m) => {
        if (m.kind !== "image" && m.kind !== "video") return lineError(400, "Preview is available only for image and video messages");
        if (preparing(ctx, m)) return { status: 202, bytes: Buffer.alloc(0), contentType: "image/png" };
        return { status: 200, bytes: photoPng(m.id, true), contentType: "image/png" };
      }),
  },
  {
    method: "GET",
    path: "/v2/bot/message/:messageId/content/transcoding",
    rateClass: "default",
    handle: (ctx) =>
      withContent(ctx, (m) => {
        if (m.kind !== "video" && m.kind !== "audio") return lineError(400, "Transcoding status is available only for video and audio messages");
        return json(200, { status: preparing(ctx, m) ? "processing" : "succeeded" });
      }),
  },
];

function withContent(ctx: RouteContext, fn: (m: UserMessage) => HttpReply): HttpReply {
  const m = ctx.platform.userMessages.get(ctx.params.messageId ?? "");
  // Text, stickers and locations have no content; content from an external provider is not on LINE.
  if (!m || !BINARY.has(m.kind) || m.external) return lineError(404, "Not found");
  if (m.unsent) return lineError(410, "The content is gone");
  return fn(m);
}

function preparing(ctx: RouteContext, m: UserMessage): boolean {
  if (m.kind !== "video" && m.kind !== "audio") return false;
  return ctx.platform.clock.now() - m.sentAt < ctx.platform.config.contentPreparingMs;
}

function original(m: UserMessage): HttpReply {
  switch (m.kind) {
    case "image":
      return { status: 200, bytes: photoPng(m.id, false), contentType: "image/png" };
    case "video":
      return { status: 200, bytes: videoMp4(m.durationMs ?? 10_000), contentType: "video/mp4" };
    case "audio":
      return { status: 200, bytes: audioWav(m.id, m.durationMs ?? 5_000), contentType: "audio/wav" };
    default: {
      const file = fileContent(m.fileName ?? "file.bin", m.id);
      return { status: 200, bytes: file.bytes, contentType: file.contentType };
    }
  }
}

function contentTypeOf(m: UserMessage): string {
  return m.kind === "video" ? "video/mp4" : "audio/wav";
}
