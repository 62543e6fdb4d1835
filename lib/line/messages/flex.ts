import { z } from "zod";
import { custom, textMax } from "./common";

// Flex messages are free-form JSON trees; the composer edits them as JSON. We check what LINE checks
// first and what operators get wrong most: the container types, the carousel size, and the byte limits
// (a bubble's JSON at most 30 KB, a carousel's at most 50 KB).

const componentTypes = new Set(["box", "button", "image", "video", "icon", "text", "span", "separator", "filler", "spacer"]);

const bubble = z
  .object({
    type: z.literal("bubble"),
    size: z.enum(["nano", "micro", "deca", "hecto", "kilo", "mega", "giga"]).optional(),
    direction: z.enum(["ltr", "rtl"]).optional(),
    header: z.record(z.string(), z.unknown()).optional(),
    hero: z.record(z.string(), z.unknown()).optional(),
    body: z.record(z.string(), z.unknown()).optional(),
    footer: z.record(z.string(), z.unknown()).optional(),
    styles: z.record(z.string(), z.unknown()).optional(),
    action: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough()
  .superRefine((b, ctx) => {
    for (const part of ["header", "hero", "body", "footer"] as const) {
      const c = b[part];
      if (c) checkComponent(c, [part], ctx);
    }
    if (!b.header && !b.hero && !b.body && !b.footer) {
      ctx.addIssue({ code: "custom", path: [], ...custom("a bubble needs a header, hero, body or footer", "validation.flexEmptyBubble") });
    }
    if (byteLength(b) > 30_000)
      ctx.addIssue({ code: "custom", path: [], ...custom("a bubble's JSON must be at most 30 KB", "validation.flexTooLarge", { maximum: "30 KB" }) });
  });

const carousel = z.object({ type: z.literal("carousel"), contents: z.array(bubble).min(1).max(12) }).superRefine((c, ctx) => {
  if (byteLength(c) > 50_000)
    ctx.addIssue({ code: "custom", path: [], ...custom("a carousel's JSON must be at most 50 KB", "validation.flexTooLarge", { maximum: "50 KB" }) });
});

export const flexContainer = z.discriminatedUnion("type", [bubble, carousel]);

export const flexMessage = z.object({ type: z.literal("flex"), altText: textMax(400), contents: flexContainer });

function checkComponent(c: Record<string, unknown>, path: PropertyKey[], ctx: z.RefinementCtx) {
  if (typeof c.type !== "string" || !componentTypes.has(c.type)) {
    ctx.addIssue({ code: "custom", path: [...path, "type"], ...custom(`"${String(c.type)}" is not a flex component type`, "validation.flexComponent") });
    return;
  }
  if (c.type === "box") {
    if (!["horizontal", "vertical", "baseline"].includes(String(c.layout))) {
      ctx.addIssue({ code: "custom", path: [...path, "layout"], ...custom("must be horizontal, vertical or baseline", "validation.flexLayout") });
    }
    if (!Array.isArray(c.contents)) {
      ctx.addIssue({ code: "custom", path: [...path, "contents"], ...custom("a box needs a contents array", "validation.flexContents") });
      return;
    }
    c.contents.forEach((child, i) => {
      if (child && typeof child === "object") checkComponent(child as Record<string, unknown>, [...path, "contents", i], ctx);
    });
  }
  if (c.type === "text" && typeof c.text !== "string" && !Array.isArray(c.contents)) {
    ctx.addIssue({ code: "custom", path: [...path, "text"], ...custom("a text component needs text", "validation.flexText") });
  }
  if ((c.type === "image" || c.type === "icon") && (typeof c.url !== "string" || !c.url.startsWith("https://"))) {
    ctx.addIssue({ code: "custom", path: [...path, "url"], ...custom("must be an https:// URL", "validation.httpsUrl") });
  }
}

function byteLength(v: unknown) {
  return new TextEncoder().encode(JSON.stringify(v)).length;
}
