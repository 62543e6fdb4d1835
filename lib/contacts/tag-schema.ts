import { z } from "zod";

// Tag names: what operators type, tidied (NFKC, so full-width and half-width forms are one tag;
// spaces collapsed), 1–40 characters, no commas (they separate tags in CSV exports and inputs).
export const tagNameSchema = z
  .string()
  .transform((s) => s.normalize("NFKC").replace(/\s+/gu, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "must not be empty")
      .max(40, "must be at most 40 characters")
      .regex(/^[^,\p{Cc}]+$/u, "must not contain commas or control characters"),
  );

/** POST /api/contacts/tags: add and/or remove tags on up to 10,000 friends at once. */
export const tagFriendsBodySchema = z
  .object({
    userIds: z
      .array(z.string().regex(/^U[0-9a-f]{32}$/, "must be a user id"))
      .min(1)
      .max(10_000),
    add: z.array(tagNameSchema).max(20).default([]),
    remove: z.array(tagNameSchema).max(20).default([]),
  })
  .strict()
  .refine((b) => b.add.length + b.remove.length > 0, { message: "add or remove at least one tag", path: ["add"] });

export type TagFriendsBody = z.infer<typeof tagFriendsBodySchema>;

/**
 * The tag forms (a friend's tags, the bulk dialog) ask for the tags to add, or to remove, and send the
 * route's body: their values pipe into tagFriendsBodySchema, so the form checks what the route checks.
 * The tags carry the route's own rules (names, at most 20), and at least one, so a problem lands on the field.
 */
export function tagChangeFormSchema(mode: "add" | "remove") {
  return (
    z
      .object({ userIds: z.array(z.string()), tags: tagFriendsBodySchema.shape.add.unwrap().min(1) })
      // Typed as the route's input (its lists may be left out), which pipe() asks of what goes in.
      .transform(({ userIds, tags }): z.input<typeof tagFriendsBodySchema> => ({
        userIds,
        add: mode === "add" ? tags : [],
        remove: mode === "remove" ? tags : [],
      }))
      .pipe(tagFriendsBodySchema)
  );
}
