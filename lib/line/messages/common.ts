import { z } from "zod";

// Building blocks of LINE message objects. Custom messages carry an i18n key in params.key so the
// composer can translate them; the English text is what API callers (and LINE-style details) read.

// customCheck()'s keys by message, filled as the schemas are built (module load), before any parse.
const keysByMessage = new Map<string, Record<string, unknown>>();

export function custom(message: string, key: string, extra: Record<string, unknown> = {}) {
  return { message, params: { key, ...extra } };
}

/**
 * custom() for a regex, format or size check. zod keeps `params` only on custom issues (refine,
 * addIssue): these checks report just their message, so the key is remembered by it (customKey).
 * Only for messages fixed when the schema is built: each one is kept for the life of the process.
 */
export function customCheck(message: string, key: string, extra: Record<string, unknown> = {}) {
  keysByMessage.set(message, { key, ...extra });
  return custom(message, key, extra);
}

export function customKey(message: string): Record<string, unknown> | undefined {
  return keysByMessage.get(message);
}

/** LINE counts text length in UTF-16 code units, as JavaScript's String#length does. */
export const textMax = (max: number) => z.string().min(1).max(max);

/** An HTTPS URL, as LINE requires for images, videos, audio and icons. */
export const httpsUrl = (max = 2000) =>
  z
    .string()
    .max(max)
    .refine((v) => /^https:\/\/[^\s/$.?#].[^\s]*$/i.test(v), custom("must be an https:// URL", "validation.httpsUrl"));

/** Link targets of uri actions: http(s), line:, tel: (LINE's own schemes). */
export const actionUri = z
  .string()
  .max(1000)
  .refine(
    (v) => /^(https?:\/\/[^\s]+|line:\/\/[^\s]+|tel:[0-9+*#-]+)$/i.test(v),
    custom("must start with http://, https://, line:// or tel:", "validation.actionUri"),
  );

export const label = z.string().min(1).max(20);
