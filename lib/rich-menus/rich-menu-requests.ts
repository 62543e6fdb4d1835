import { z } from "zod";
import { BULK_LINK_SIZE, richMenuAliasId, richMenuBodySchema } from "./rich-menu-schema";

// The request bodies of /api/rich-menus around the one schema of a menu (rich-menu-schema.ts).

/** The most friends one link or unlink request may name (ten of LINE's bulk requests). */
export const LINK_FRIENDS_MAX = 10 * BULK_LINK_SIZE;
export const USER_ID = /^U[0-9a-f]{32}$/;

export const createRichMenuBodySchema = richMenuBodySchema.safeExtend({
  aliasId: richMenuAliasId.nullish(),
  tabbedMenuId: z.string().min(1).max(64).nullish(),
  tabIndex: z.number().int().min(0).max(3).nullish(),
});
export type CreateRichMenuBody = z.infer<typeof createRichMenuBodySchema>;

export const updateRichMenuBodySchema = createRichMenuBodySchema.safeExtend({ version: z.number().int().min(1) });
export type UpdateRichMenuBody = z.infer<typeof updateRichMenuBodySchema>;

/** A tabbed menu: 2–4 menus switching between each other, created together (their aliases after). */
export const createTabbedMenuBodySchema = z.object({
  name: z.string().trim().min(1).max(300),
  tabs: z
    .array(z.object({ body: richMenuBodySchema, aliasId: richMenuAliasId }))
    .min(2)
    .max(4)
    .refine((tabs) => new Set(tabs.map((t) => t.aliasId)).size === tabs.length, { message: "each tab needs its own alias" }),
});
export type CreateTabbedMenuBody = z.infer<typeof createTabbedMenuBodySchema>;

/** Who a link or unlink is for: friends named (fixed now), or a saved segment (evaluated now). */
export const linkTargetSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("friends"),
    userIds: z.array(z.string().regex(USER_ID, "must be a user id (U followed by 32 hex digits)")).min(1).max(LINK_FRIENDS_MAX),
  }),
  z.object({ kind: z.literal("segment"), segmentId: z.string().min(1).max(64) }),
]);
export type LinkTarget = z.infer<typeof linkTargetSchema>;
export const linkRunBodySchema = z.object({ target: linkTargetSchema });

export const linkRunsQuerySchema = z.object({ richMenuId: z.string().min(1).max(64).optional() });

export const friendRichMenuBodySchema = z.object({ richMenuId: z.string().min(1).max(64) });

export const deleteRichMenuQuerySchema = z.object({ force: z.enum(["0", "1"]).optional() });

export const tapsQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    segmentId: z.string().min(1).max(64).optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: "from must be before to", path: ["from"] });
