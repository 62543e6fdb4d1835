import { z } from "zod";
import { action } from "./actions";
import { custom, httpsUrl, textMax } from "./common";

// Template messages: buttons, confirm, carousel, image carousel. Text limits shrink when a column has an
// image or a title (LINE: 160 → 60 for buttons, 120 → 60 for carousel columns).

const labelled = action.refine((a) => !!a.label, custom("needs a label (at most 20 characters)", "validation.labelRequired"));
const aspect = z.enum(["rectangle", "square"]).optional();
const size = z.enum(["cover", "contain"]).optional();
const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .optional();

const buttons = z
  .object({
    type: z.literal("buttons"),
    thumbnailImageUrl: httpsUrl().optional(),
    imageAspectRatio: aspect,
    imageSize: size,
    imageBackgroundColor: colour,
    title: z.string().min(1).max(40).optional(),
    text: textMax(160),
    defaultAction: action.optional(),
    actions: z.array(labelled).min(1).max(4),
  })
  .superRefine((t, ctx) => {
    if ((t.thumbnailImageUrl || t.title) && t.text.length > 60) {
      ctx.addIssue({
        code: "custom",
        path: ["text"],
        ...custom("must be at most 60 characters with an image or a title", "validation.templateTextShort", { maximum: 60 }),
      });
    }
  });

const confirm = z.object({ type: z.literal("confirm"), text: textMax(240), actions: z.array(labelled).length(2) });

const column = z.object({
  thumbnailImageUrl: httpsUrl().optional(),
  imageBackgroundColor: colour,
  title: z.string().min(1).max(40).optional(),
  text: textMax(120),
  defaultAction: action.optional(),
  actions: z.array(labelled).min(1).max(3),
});

const carousel = z
  .object({ type: z.literal("carousel"), columns: z.array(column).min(1).max(10), imageAspectRatio: aspect, imageSize: size })
  .superRefine((t, ctx) => {
    const counts = new Set(t.columns.map((c) => c.actions.length));
    if (counts.size > 1)
      ctx.addIssue({ code: "custom", path: ["columns"], ...custom("every column needs the same number of actions", "validation.carouselActionCount") });
    t.columns.forEach((c, i) => {
      if ((c.thumbnailImageUrl || c.title) && c.text.length > 60) {
        ctx.addIssue({
          code: "custom",
          path: ["columns", i, "text"],
          ...custom("must be at most 60 characters with an image or a title", "validation.templateTextShort", { maximum: 60 }),
        });
      }
    });
    const images = t.columns.filter((c) => c.thumbnailImageUrl).length;
    if (images !== 0 && images !== t.columns.length)
      ctx.addIssue({ code: "custom", path: ["columns"], ...custom("give every column an image, or none", "validation.carouselImages") });
    const titles = t.columns.filter((c) => c.title).length;
    if (titles !== 0 && titles !== t.columns.length)
      ctx.addIssue({ code: "custom", path: ["columns"], ...custom("give every column a title, or none", "validation.carouselTitles") });
  });

const imageCarousel = z.object({
  type: z.literal("image_carousel"),
  columns: z
    .array(z.object({ imageUrl: httpsUrl(), action }))
    .min(1)
    .max(10),
});

export const templateMessage = z.object({
  type: z.literal("template"),
  altText: textMax(400),
  template: z.discriminatedUnion("type", [buttons, confirm, carousel, imageCarousel]),
});
