import { z } from "zod";

// Building blocks of LINE message objects. Custom messages carry an i18n key in params.key so the
// composer can translate them; the English text is what API callers (and LINE-style details) read.

export function custom(message: string, key: string, extra: Record<string, unknown> = {}) {
  return { message, params: { key, ...extra } };
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
  .refine((v) => /^(https?:\/\/[^\s]+|line:\/\/[^\s]+|tel:[0-9+*#-]+)$/i.test(v), custom("must start with http://, https://, line:// or tel:", "validation.actionUri"));

export const label = z.string().min(1).max(20);
