import { TWO_FACTOR_ERROR_CODES } from "better-auth/plugins";
import { describe, expect, it } from "vitest";
import { isOpenAuthEndpoint } from "@/lib/auth/auth-endpoints";
import { CODE_STEP_ERROR_CODES, CODE_STEP_RESTARTS, codeStepErrorCode } from "@/lib/auth/sign-in-errors";
import { missingKeys } from "../helpers/catalogues";

describe("sign-in's code step", () => {
  it("explains every refusal in every catalogue, and each is better-auth's two-factor plugin's or our throttle's", () => {
    expect(missingKeys(CODE_STEP_ERROR_CODES.map((c) => `auth.codeErrors.${c}`))).toEqual({});
    for (const code of CODE_STEP_ERROR_CODES.filter((c) => c !== "TOO_MANY_ATTEMPTS")) expect(Object.keys(TWO_FACTOR_ERROR_CODES), code).toContain(code);
    for (const code of CODE_STEP_RESTARTS) expect(CODE_STEP_ERROR_CODES).toContain(code);
  });

  it("tells a refusal without a known code apart by its status", () => {
    expect(codeStepErrorCode("INVALID_BACKUP_CODE", 401)).toBe("INVALID_BACKUP_CODE");
    expect(codeStepErrorCode(undefined, 429)).toBe("TOO_MANY_ATTEMPTS");
    expect(codeStepErrorCode("SOMETHING_NEW", 401)).toBe("INVALID_CODE");
    expect(codeStepErrorCode(undefined, 500)).toBeNull();
  });
});

describe("better-auth's endpoints under /api/auth", () => {
  it("opens the sign-in steps, sign-out and the session, and nothing that would go around the console's own routes", () => {
    for (const path of ["sign-in/email", "sign-out", "get-session", "two-factor/verify-totp", "two-factor/verify-backup-code"]) {
      expect(isOpenAuthEndpoint(`/api/auth/${path}`), path).toBe(true);
    }
    for (const path of [
      "change-password",
      "update-user",
      "delete-user",
      "revoke-sessions",
      "reset-password",
      "request-password-reset",
      "sign-up/email",
      "two-factor/enable",
      "two-factor/disable",
      "two-factor/generate-backup-codes",
      "two-factor/get-totp-uri",
      "sign-in/email/../../change-password",
    ]) {
      expect(isOpenAuthEndpoint(`/api/auth/${path}`), path).toBe(false);
    }
  });
});
