import { z } from "zod";
import { API_KEY_ROLES, ROLES } from "./roles";
import { locales } from "@/i18n/locales";
import { dateParam } from "@/lib/platform/http/date-params";
import { storableDate } from "@/lib/utils/storable-date";

// One schema per form, shared by the page (as the operator types) and the route handler.

const email = z.string().trim().toLowerCase().email("must be an email address").max(254, "is too long");
const name = z.string().trim().min(1, "is required").max(80, "must be at most 80 characters");
export const password = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(128, "must be at most 128 characters")
  .refine((p) => new Set(p).size >= 5, "is too repetitive");
const role = z.enum(ROLES, "must be viewer, operator or admin");
/** A member's role as the members page sets it on the channel it is on: admin makes a console admin; none takes the channel away. */
const memberRole = z.enum([...ROLES, "none"], "must be viewer, operator, admin or none");

// POST /api/auth/sign-in/email is better-auth's own route (it checks the body itself): the form checks
// the same fields first, so an empty field is named before the throttle counts a failure.
export const signInBodySchema = z.object({ email, password: z.string().min(1, "is required").max(128, "must be at most 128 characters") }).strict();

export const setupBodySchema = z.object({ name, email, password }).strict();

export const inviteBodySchema = z.object({ email, role }).strict();

export const acceptInvitationBodySchema = z.object({ token: z.string().min(20).max(200), name, password }).strict();

export const updateMemberBodySchema = z
  .object({ role: memberRole.optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.disabled !== undefined, "give role or disabled");

/** A key for the given channels (their keys), or for the channel the page is on when none are named. */
export const createApiKeyBodySchema = z
  .object({
    name,
    role: z.enum(API_KEY_ROLES, "must be viewer, operator, admin or metrics"),
    channels: z.array(z.string().trim().min(1).max(64)).min(1, "must name at least one channel").max(100).optional(),
  })
  .strict();

export const preferencesBodySchema = z
  .object({
    locale: z.enum(locales).nullable().optional(),
    timeZone: z
      .string()
      .max(64)
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat("en", { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, "must be an IANA time zone such as Asia/Taipei")
      .nullable()
      .optional(),
  })
  .strict();

export const listAuditQuerySchema = z
  .object({
    action: z.string().max(64).optional(),
    actorId: z.string().max(64).optional(),
    from: dateParam.optional(),
    to: dateParam.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z
      .string()
      .transform((s, ctx) => {
        const m = /^(\d{1,16})\.(\d{1,12})$/.exec(Buffer.from(s, "base64url").toString("utf8"));
        const at = m ? storableDate(Number(m[1])) : null;
        if (!m || !at) {
          ctx.addIssue({ code: "custom", message: "is not a cursor returned by this API" });
          return z.NEVER;
        }
        return { at, id: Number(m[2]) };
      })
      .optional(),
  })
  .strict();

export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

export const changePasswordBodySchema = z.object({ currentPassword: z.string().min(1, "is required").max(128), newPassword: password }).strict();

export const passwordBodySchema = z.object({ password: z.string().min(1, "is required").max(128) }).strict();

export const resetPasswordBodySchema = z.object({ token: z.string().min(20).max(200), password }).strict();

export const twoFactorCodeBodySchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "must be the 6 digits your app shows"),
  })
  .strict();

/**
 * A form that types its new password twice: the body's schema plus `confirm`, which must match `field`
 * and is dropped from what is sent (the body's schema is strict).
 */
export function withConfirm<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape, z.core.$strict>, field: keyof Shape & string) {
  type Body = z.output<typeof schema>;
  return schema
    .extend({ confirm: z.string() })
    .refine((v: Record<string, unknown>) => v.confirm === v[field], { path: ["confirm"], message: "must match the new password" })
    .transform((v: Record<string, unknown>) => {
      const { confirm: _, ...body } = v;
      return body as Body;
    });
}

// What a member types for the code: apps show "123 456", so the spaces go before the route's rule is
// checked; a recovery code is compared as stored, whatever its case and spacing (lib/auth/auth.ts).
export const twoFactorCodeFormSchema = z.object({
  code: z
    .string()
    .transform((c) => c.replace(/\s+/g, ""))
    .pipe(twoFactorCodeBodySchema.shape.code),
});
export const recoveryCodeFormSchema = z.object({ code: z.string().trim().min(1, "is required").max(24, "is too long") });

export const authPolicyBodySchema = z.object({ requireTwoFactor: z.boolean() }).strict();
