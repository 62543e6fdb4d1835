/** The content part of a message event the console keeps (image, video, audio, file), if any. */
export interface MessageMedia {
  messageId: string;
  type: "image" | "video" | "audio" | "file";
  /** Hosted by another provider: not on LINE, so not fetched; LINE gives its URLs. */
  externalUrl: string | null;
  externalPreviewUrl: string | null;
  fileName: string | null;
  fileSize: number | null;
  durationMs: number | null;
}

export function messageMedia(event: { type: string; payload: Record<string, unknown> }): MessageMedia | null {
  if (event.type !== "message") return null;
  const m = event.payload.message as Record<string, unknown> | undefined;
  const type = m?.type;
  if (!m || typeof m.id !== "string" || (type !== "image" && type !== "video" && type !== "audio" && type !== "file")) return null;
  const provider = (m.contentProvider ?? {}) as Record<string, unknown>;
  const external = provider.type === "external";
  return {
    messageId: m.id,
    type,
    externalUrl: external && typeof provider.originalContentUrl === "string" ? provider.originalContentUrl : null,
    externalPreviewUrl: external && typeof provider.previewImageUrl === "string" ? provider.previewImageUrl : null,
    fileName: typeof m.fileName === "string" ? m.fileName : null,
    fileSize: typeof m.fileSize === "number" ? m.fileSize : null,
    durationMs: typeof m.duration === "number" ? m.duration : null,
  };
}

export const mediaUrl = (messageId: string, variant: "original" | "preview" = "original", download = false) =>
  `/api/media/${encodeURIComponent(messageId)}${variant === "preview" ? "/preview" : ""}${download ? "?download=1" : ""}`;
