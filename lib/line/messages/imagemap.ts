import { z } from "zod";
import { actionUri, custom, httpsUrl, textMax } from "./common";

const area = z.object({ x: z.number().int().min(0), y: z.number().int().min(0), width: z.number().int().min(1), height: z.number().int().min(1) });

const imagemapAction = z.discriminatedUnion("type", [
  z.object({ type: z.literal("uri"), label: z.string().max(100).optional(), linkUri: actionUri, area }),
  z.object({ type: z.literal("message"), label: z.string().max(100).optional(), text: textMax(400), area }),
  z.object({ type: z.literal("clipboard"), label: z.string().max(100).optional(), clipboardText: textMax(1000), area }),
]);

/** An image with tappable areas; LINE serves it at base width 1040 px. */
export const imagemapMessage = z
  .object({
    type: z.literal("imagemap"),
    baseUrl: httpsUrl(2000),
    altText: textMax(400),
    baseSize: z.object({ width: z.literal(1040), height: z.number().int().min(1) }),
    video: z
      .object({
        originalContentUrl: httpsUrl(),
        previewImageUrl: httpsUrl(),
        area,
        externalLink: z.object({ linkUri: actionUri, label: z.string().min(1).max(30) }).optional(),
      })
      .optional(),
    actions: z.array(imagemapAction).max(50),
  })
  .superRefine((m, ctx) => {
    m.actions.forEach((a, i) => {
      if (a.area.x + a.area.width > 1040 || a.area.y + a.area.height > m.baseSize.height) {
        ctx.addIssue({ code: "custom", path: ["actions", i, "area"], ...custom("reaches outside the image", "validation.areaOutside") });
      }
    });
  });
