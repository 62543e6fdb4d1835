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
