import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  acceptInvitationBodySchema,
  changePasswordBodySchema,
  createApiKeyBodySchema,
  inviteBodySchema,
  setupBodySchema,
  signInBodySchema,
  twoFactorCodeBodySchema,
  withConfirm,
} from "@/lib/auth/schemas";
import { addChannelBodySchema } from "@/lib/channel/schemas";
import { tagChangeFormSchema, tagFriendsBodySchema } from "@/lib/contacts/tag-schema";
import { detailErrorKey, FIELD_ERROR_KEYS, zodErrorKey } from "@/lib/utils/zod-error-key";
import { missingKeys } from "../helpers/catalogues";

const FRIEND = `U${"0".repeat(32)}`;

// Forms name a problem by zod's issue code and the field, never by the schema's English message.
function keysOf(result: { error?: z.ZodError }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[issue.path.join(".")] ??= zodErrorKey(issue);
  return out;
}

describe("zodErrorKey", () => {
  it("names the set-up form's problems by code and field", () => {
    expect(keysOf(setupBodySchema.safeParse({ name: "", email: "nope", password: "short" }))).toEqual({
      name: "fieldErrors.required",
      email: "fieldErrors.invalidEmail",
      password: "fieldErrors.passwordTooShort",
    });
    expect(keysOf(setupBodySchema.safeParse({ name: "x".repeat(81), email: `${"a".repeat(250)}@b.co`, password: "a".repeat(129) }))).toEqual({
      name: "fieldErrors.nameTooLong",
      email: "fieldErrors.tooLong",
      password: "fieldErrors.passwordTooLong",
    });
    expect(keysOf(setupBodySchema.safeParse({ name: "Aiko", email: "a@b.co", password: "aaaaaaaaaaaaaaaa" }))).toEqual({
      password: "fieldErrors.passwordRepetitive",
    });
  });

  it("names a role that is not one, an empty key name and a malformed code", () => {
    expect(keysOf(inviteBodySchema.safeParse({ email: "a@b.co", role: "owner" }))).toEqual({ role: "fieldErrors.invalidRole" });
    expect(keysOf(createApiKeyBodySchema.safeParse({ name: "   ", role: "viewer" }))).toEqual({ name: "fieldErrors.required" });
    expect(keysOf(twoFactorCodeBodySchema.safeParse({ code: "12a456" }))).toEqual({ code: "fieldErrors.codeFormat" });
    expect(keysOf(signInBodySchema.safeParse({ email: "a@b.co", password: "" }))).toEqual({ password: "fieldErrors.required" });
  });

  it("reads the new password of the change-password form like any new password, and a mismatched confirmation", () => {
    const form = withConfirm(changePasswordBodySchema, "newPassword");
    expect(keysOf(form.safeParse({ currentPassword: "", newPassword: "short", confirm: "short" }))).toEqual({
      currentPassword: "fieldErrors.required",
      newPassword: "fieldErrors.passwordTooShort",
    });
    expect(keysOf(form.safeParse({ currentPassword: "old", newPassword: "harbour-lights-2026", confirm: "harbour-lights-2025" }))).toEqual({
      confirm: "fieldErrors.passwordsDiffer",
    });
  });

  it("drops the confirmation from what is sent, so the route's strict schema accepts it", () => {
    const form = withConfirm(acceptInvitationBodySchema, "password");
    const parsed = form.parse({ token: "t".repeat(40), name: "Aiko", password: "harbour-lights-2026", confirm: "harbour-lights-2026" });
    expect(acceptInvitationBodySchema.parse(parsed)).toEqual(parsed);
  });

  it("names a relay destination's problems in the form's terms (seconds, not milliseconds)", () => {
    expect(zodErrorKey({ code: "invalid_type", path: ["timeoutMs"], input: "abc" })).toBe("fieldErrors.timeoutRange");
    expect(zodErrorKey({ code: "too_big", path: ["timeoutMs"], input: "45" })).toBe("fieldErrors.timeoutRange");
    expect(zodErrorKey({ code: "too_small", path: ["secret"], input: "short" })).toBe("fieldErrors.secretTooShort");
    expect(zodErrorKey({ code: "custom", path: ["secret"] })).toBe("fieldErrors.required");
    expect(zodErrorKey({ code: "invalid_format", path: ["eventTypes", 2] })).toBe("fieldErrors.eventTypeFormat");
  });

  it("asks the tag forms for at least one tag, on their field, and sends the route's body", () => {
    expect(keysOf(tagChangeFormSchema("add").safeParse({ userIds: [FRIEND], tags: [] }))).toEqual({ tags: "fieldErrors.required" });
    expect(keysOf(tagChangeFormSchema("add").safeParse({ userIds: [FRIEND], tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }))).toEqual({
      tags: "fieldErrors.tooLong",
    });
    const body = tagChangeFormSchema("remove").parse({ userIds: [FRIEND], tags: ["ＶＩＰ"] });
    expect(body).toEqual({ userIds: [FRIEND], add: [], remove: ["VIP"] });
    expect(tagFriendsBodySchema.parse(body)).toEqual(body);
  });

  it("names the add-channel form's problems: a channel ID, a secret and a key each have one rule, a token a length", () => {
    expect(keysOf(addChannelBodySchema.safeParse({ lineChannelId: "12a", secret: "not-hex", accessToken: "short", key: "A" }))).toEqual({
      lineChannelId: "fieldErrors.channelIdFormat",
      secret: "fieldErrors.channelSecretFormat",
      accessToken: "fieldErrors.accessTokenTooShort",
      key: "fieldErrors.channelKeyFormat",
    });
    expect(keysOf(addChannelBodySchema.safeParse({ lineChannelId: "2001234567", secret: "a".repeat(32), accessToken: "", key: "-shop" }))).toEqual({
      key: "fieldErrors.channelKeyFormat",
    });
  });

  it("falls back by code for fields it has no words for, and to 'invalid' for the rest", () => {
    expect(zodErrorKey({ code: "too_small", path: ["segment", "name"] })).toBe("fieldErrors.required");
    expect(zodErrorKey({ code: "too_big", path: ["label"] })).toBe("fieldErrors.tooLong");
    expect(zodErrorKey({ code: "invalid_union", path: ["filter"] })).toBe("fieldErrors.invalid");
    expect(zodErrorKey({ code: "custom", path: [] })).toBe("fieldErrors.invalid");
  });

  it("calls a blank field required whatever its minimum, as a form sees it (the value, not zod's size)", () => {
    expect(zodErrorKey({ code: "too_small", path: ["password"], input: "" })).toBe("fieldErrors.required");
    expect(zodErrorKey({ code: "too_small", path: ["password"], input: "short" })).toBe("fieldErrors.passwordTooShort");
    expect(zodErrorKey({ code: "too_small", path: ["name"], input: "   " })).toBe("fieldErrors.required");
  });

  it("is the same for a message in any words: the English is never read", () => {
    expect(zodErrorKey({ code: "invalid_format", path: ["email"] })).toBe("fieldErrors.invalidEmail");
  });

  it("has every key in every catalogue", () => {
    expect(missingKeys(FIELD_ERROR_KEYS.map((k) => `fieldErrors.${k}`))).toEqual({});
  });
});

describe("detailErrorKey", () => {
  it("uses the form's words for the server's own refusals, by key", () => {
    expect(detailErrorKey({ key: "validation.alreadyMember" })).toBe("fieldErrors.alreadyMember");
    expect(detailErrorKey({ key: "validation.wrongPassword" })).toBe("fieldErrors.wrongPassword");
    expect(detailErrorKey({ key: "validation.wrongCode" })).toBe("fieldErrors.wrongCode");
    // LINE's "belongs to channel {channel}": the form's words need no value.
    expect(detailErrorKey({ key: "validation.accessTokenOtherChannel", values: { channel: "2001234567" } })).toBe("fieldErrors.accessTokenOtherChannel");
  });

  it("keeps another validation key as it is, unless it needs values it cannot carry", () => {
    expect(detailErrorKey({ key: "validation.format" })).toBe("validation.format");
    expect(detailErrorKey({ key: "validation.maxChars", values: { maximum: 80 } })).toBe("fieldErrors.invalid");
    expect(detailErrorKey({})).toBe("fieldErrors.invalid");
  });
});
