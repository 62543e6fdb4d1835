import { z } from "zod";
import { custom, httpsUrl, textMax } from "./common";

export const textMessage = z
  .object({
    type: z.literal("text"),
    text: textMax(5000),
    emojis: z
      .array(z.object({ index: z.number().int().min(0), productId: z.string().min(1), emojiId: z.string().min(1) }))
      .max(20)
      .optional(),
    quoteToken: z.string().optional(),
  })
  // Each LINE emoji replaces a "$" in the text at its index.
  .superRefine((m, ctx) => {
    for (const [i, e] of (m.emojis ?? []).entries()) {
      if (m.text[e.index] !== "$") {
        ctx.addIssue({ code: "custom", path: ["emojis", i, "index"], ...custom(`must point at a "$" in the text`, "validation.emojiIndex") });
      }
    }
  });

/** Text with {placeholders}: mentions (push or reply to a group or room) and LINE emoji. */
export const textV2Message = z
  .object({
    type: z.literal("textV2"),
    text: textMax(5000),
    substitution: z
      .record(
        z.string().regex(/^[a-zA-Z0-9_]{1,20}$/),
        z.discriminatedUnion("type", [
          z.object({
            type: z.literal("mention"),
            mentionee: z.discriminatedUnion("type", [
              z.object({ type: z.literal("user"), userId: z.string().regex(/^U[0-9a-f]{32}$/) }),
              z.object({ type: z.literal("all") }),
            ]),
          }),
          z.object({ type: z.literal("emoji"), productId: z.string().min(1), emojiId: z.string().min(1) }),
        ]),
      )
      .optional(),
  })
  .superRefine((m, ctx) => {
    const keys = Object.keys(m.substitution ?? {});
    if (keys.length > 100) ctx.addIssue({ code: "custom", path: ["substitution"], ...custom("at most 100 placeholders", "validation.tooManyPlaceholders") });
    for (const k of keys) {
      if (!m.text.includes(`{${k}}`))
        ctx.addIssue({
          code: "custom",
          path: ["substitution", k],
          ...custom(`{${k}} does not appear in the text`, "validation.placeholderUnused", { placeholder: k }),
        });
    }
  });

export const stickerMessage = z.object({
  type: z.literal("sticker"),
  packageId: z.string().regex(/^\d+$/),
  stickerId: z.string().regex(/^\d+$/),
  quoteToken: z.string().optional(),
});

export const imageMessage = z.object({ type: z.literal("image"), originalContentUrl: httpsUrl(), previewImageUrl: httpsUrl() });

export const videoMessage = z.object({
  type: z.literal("video"),
  originalContentUrl: httpsUrl(),
  previewImageUrl: httpsUrl(),
  trackingId: z
    .string()
    .regex(/^[\x21-\x7e]{1,100}$/)
    .optional(),
});

export const audioMessage = z.object({ type: z.literal("audio"), originalContentUrl: httpsUrl(), duration: z.number().int().min(1) });

export const locationMessage = z.object({
  type: z.literal("location"),
  title: textMax(100),
  address: textMax(100),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
