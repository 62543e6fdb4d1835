import type { z } from "zod";
import { ApiError, type ApiErrorDetail } from "@/lib/client/api-client";

// The shared schemas (lib/auth/schemas.ts) speak English to API callers. Forms show the same rule in
// the operator's language: each known message has a key under "fieldErrors"; anything else is shown as
// the server wrote it (still better than nothing, and it names the problem).
const KEYS: Record<string, string> = {
  "is required": "required",
  "must be an email address": "invalidEmail",
  "is too long": "tooLong",
  "must be at most 80 characters": "nameTooLong",
  "must be at least 12 characters": "passwordTooShort",
  "must be at most 128 characters": "passwordTooLong",
  "is too repetitive": "passwordRepetitive",
  "is already a member": "alreadyMember",
  "must be viewer, operator or admin": "invalidRole",
  "is not your current password": "wrongPassword",
  "must differ from the current password": "samePassword",
  "must be the 6 digits your app shows": "codeFormat",
  "is not the code your app shows now": "wrongCode",
};

export type FieldErrors = Record<string, string>;

/** The catalogue key (under "fieldErrors") for a schema message, or null when there is none. */
export function fieldErrorKey(message: string): string | null {
  return KEYS[message] ?? null;
}

/** First message per field, from a failed client-side parse. */
export function errorsFromZod(error: z.ZodError): FieldErrors {
  return firstPerProperty(error.issues.map((i) => ({ property: i.path.map(String).join(".") || "body", message: i.message })));
}

/** First message per field from a 400 answer's details; empty for any other error. */
export function errorsFromApi(error: unknown): FieldErrors {
  return error instanceof ApiError && error.details ? firstPerProperty(error.details) : {};
}

/** Translate a field's message with `t` (namespace "fieldErrors"), falling back to the message itself. */
export function translateFieldError(message: string | undefined, t: (key: string) => string): string | undefined {
  if (!message) return undefined;
  const key = fieldErrorKey(message);
  return key ? t(key) : message;
}

function firstPerProperty(details: ApiErrorDetail[]): FieldErrors {
  const out: FieldErrors = {};
  for (const d of details) out[d.property] ??= d.message;
  return out;
}
