import { BASE_ERROR_CODES } from "better-auth";
import { describe, expect, it } from "vitest";
import { SIGN_IN_ERROR_CODES, signInErrorCode } from "@/lib/auth/sign-in-errors";
import { LINE_ERROR_CODES, lineErrorCode } from "@/lib/line/line-error-codes";
import { ApiError } from "@/lib/client/api-client";
import { CLIENT_ERROR_CODES, describeError } from "@/lib/client/describe-error";
import { NARROWCAST_ERROR_CODES } from "@/lib/sends/narrowcast-poller";
import { missingKeys } from "../helpers/catalogues";
import { betterAuthCodes, sendFailureReasons, serverErrorCodes } from "../helpers/error-codes";

describe("API error codes in the catalogues", () => {
  const found = serverErrorCodes();
  const codes = new Set([...found.map((f) => f.code), ...LINE_ERROR_CODES, ...CLIENT_ERROR_CODES]);

  it("reads the codes the server answers with from the source", () => {
    // One of each way a code is written: HttpError, a ternary inside one, media answers, the zod/500
    // answers of errorResponse, and an audience upload's stored error.
    for (const code of [
      "not_found",
      "last_admin",
      "line_unreachable",
      "media_gone",
      "media_pending",
      "invalid_request",
      "internal_error",
      "segment_deleted",
      "segment_empty",
    ]) {
      expect(codes, code).toContain(code);
    }
    expect(codes.size).toBeGreaterThan(35);
  });

  it("every code has errors.codes.<code> in every catalogue", () => {
    expect(missingKeys([...codes].map((c) => `errors.codes.${c}`))).toEqual({});
  });

  it("names every status LINE can answer with by one of the LINE codes", () => {
    for (const status of [400, 401, 403, 404, 409, 413, 429, 500, 502, 503]) expect(LINE_ERROR_CODES).toContain(lineErrorCode(status));
  });

  it("every sign-in refusal has auth.errors.<code>, and each is better-auth's or our throttle's", () => {
    expect(missingKeys(SIGN_IN_ERROR_CODES.map((c) => `auth.errors.${c}`))).toEqual({});
    const ours = betterAuthCodes("lib/auth/auth.ts");
    expect(ours).toEqual(expect.arrayContaining(["TOO_MANY_ATTEMPTS", "INVALID_EMAIL_OR_PASSWORD"]));
    for (const code of ours) expect(SIGN_IN_ERROR_CODES, code).toContain(code);
    for (const code of SIGN_IN_ERROR_CODES.filter((c) => !ours.includes(c))) expect(Object.keys(BASE_ERROR_CODES), code).toContain(code);
  });

  it("a sign-in answer without a known code is still told apart by its status", () => {
    expect(signInErrorCode("INVALID_EMAIL", 400)).toBe("INVALID_EMAIL");
    expect(signInErrorCode(undefined, 429)).toBe("TOO_MANY_ATTEMPTS");
    expect(signInErrorCode("SOMETHING_NEW", 401)).toBe("INVALID_EMAIL_OR_PASSWORD");
    expect(signInErrorCode(undefined, 500)).toBeNull();
  });

  it("every reason a send or an attempt records, and every narrowcast errorCode, is explained", () => {
    const reasons = sendFailureReasons();
    expect(reasons).toEqual(expect.arrayContaining(["monthly_quota", "gave_up", "retryable", "rate_limit", "narrowcast_failed"]));
    expect(
      missingKeys([...reasons.map((r) => `sends.outcome.reasons.${r}`), ...NARROWCAST_ERROR_CODES.map((c) => `sends.outcome.narrowcastCodes.${c}`)]),
    ).toEqual({});
  });
});

describe("describeError", () => {
  it("keeps LINE's own words apart from our server's English", () => {
    expect(
      describeError(new ApiError(400, "line_refused", "The request body has 1 error(s)", [{ property: "messages[0].text", message: "May not be empty" }])),
    ).toEqual({
      code: "line_refused",
      lineMessage: "The request body has 1 error(s)",
      details: [{ property: "messages[0].text", message: "May not be empty" }],
    });
    expect(describeError(new ApiError(409, "last_admin", "This is the only active admin; make someone else admin first"))).toEqual({
      code: "last_admin",
      message: "This is the only active admin; make someone else admin first",
      details: [],
    });
  });

  it("calls a request that got no answer a network error, and anything else unknown", () => {
    expect(describeError(new TypeError("Failed to fetch")).code).toBe("network");
    expect(describeError(new Error("boom"))).toEqual({ code: "unknown", message: "boom", details: [] });
  });
});
