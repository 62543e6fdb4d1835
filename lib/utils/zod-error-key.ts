/**
 * The catalogue keys (under "fieldErrors") a form shows for a problem with one field. The shared schemas
 * (lib/auth/schemas.ts and friends) word their messages in English for API callers; a form never shows
 * them, nor matches on them: it names the problem by zod's issue code and the field it concerns.
 */
export const FIELD_ERROR_KEYS = [
  "required",
  "invalid",
  "invalidEmail",
  "tooLong",
  "nameTooLong",
  "passwordTooShort",
  "passwordTooLong",
  "passwordRepetitive",
  "passwordsDiffer",
  "alreadyMember",
  "invalidRole",
  "wrongPassword",
  "samePassword",
  "codeFormat",
  "wrongCode",
  "userIdFormat",
  "secretTooShort",
  "timeoutRange",
  "eventTypeFormat",
  "channelIdFormat",
  "channelSecretFormat",
  "accessTokenTooShort",
  "accessTokenOtherChannel",
  "channelKeyFormat",
] as const;
export type FieldErrorKey = (typeof FIELD_ERROR_KEYS)[number];

/**
 * What a form needs of an issue: zod's `$ZodIssue` has it (with `minimum` on a size issue); a
 * react-hook-form error has the code as `type`, and the form has the field's value (`input`).
 */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  minimum?: number | bigint;
  input?: unknown;
}

const newPassword = { too_small: "passwordTooShort", too_big: "passwordTooLong", custom: "passwordRepetitive" } as const;

// Field name -> issue code -> key. A field is named by the last segment of its path, so `members.0.email`
// reads as `email`; the field names are the schemas' own (one word per concept, from form to table).
const BY_FIELD: Record<string, Partial<Record<string, FieldErrorKey>>> = {
  email: { invalid_format: "invalidEmail", too_big: "tooLong" },
  name: { too_small: "required", too_big: "nameTooLong" },
  password: newPassword,
  newPassword,
  currentPassword: { too_small: "required", too_big: "passwordTooLong" },
  confirm: { custom: "passwordsDiffer" },
  role: { invalid_value: "invalidRole" },
  code: { invalid_format: "codeFormat" },
  userId: { invalid_format: "userIdFormat" },
  // A relay destination's own secret (custom, too_small) and a LINE channel's (its 32 hex digits).
  secret: { custom: "required", too_small: "secretTooShort", invalid_format: "channelSecretFormat" },
  // Relay destinations: the form asks for seconds, so every problem with the number is its range.
  timeoutMs: { invalid_type: "timeoutRange", too_small: "timeoutRange", too_big: "timeoutRange" },
  eventTypes: { invalid_format: "eventTypeFormat" },
  // Settings → Channels: a channel key's length and characters are one rule to the person typing it.
  lineChannelId: { invalid_format: "channelIdFormat" },
  accessToken: { too_small: "accessTokenTooShort" },
  key: { too_small: "channelKeyFormat", too_big: "channelKeyFormat", invalid_format: "channelKeyFormat" },
};

// Any other field: the code alone says enough for a form (a size limit the input already enforces, a
// missing choice).
const BY_CODE: Partial<Record<string, FieldErrorKey>> = {
  too_small: "required",
  invalid_type: "required",
  too_big: "tooLong",
};

/** The full catalogue key ("fieldErrors.…") for a zod issue on a form's field. */
export function zodErrorKey(issue: IssueLike): `fieldErrors.${FieldErrorKey}` {
  // Nothing typed is "required" whatever the field's minimum (a password's 12 characters come after).
  if (issue.code === "too_small" && (Number(issue.minimum) === 1 || (typeof issue.input === "string" && !issue.input.trim()))) return "fieldErrors.required";
  const field = [...issue.path].reverse().find((p): p is string => typeof p === "string") ?? "";
  return `fieldErrors.${BY_FIELD[field]?.[issue.code] ?? BY_CODE[issue.code] ?? "invalid"}`;
}

// Server-only refusals (a wrong current password, an email already a member) come in a 400's details
// with a "validation.*" key; the ones a form words more fully have the same name under "fieldErrors".
const FORM_WORDED = new Set<string>(FIELD_ERROR_KEYS);

/** The catalogue key for a field problem in our API's answer: by its key, never by its English message. */
export function detailErrorKey(detail: { key?: string; values?: Record<string, unknown> }): string {
  const name = detail.key?.replace(/^validation\./, "");
  if (name && FORM_WORDED.has(name)) return `fieldErrors.${name}`;
  // A key with values ("at most {maximum} characters") needs them: fall back to the plain words.
  return detail.key && !detail.values ? detail.key : "fieldErrors.invalid";
}
