import { describe, expect, it } from "vitest";
import { base32Decode, totpCode } from "../helpers/totp";

// The tests' authenticator app (tests/helpers/totp.ts) against RFC 6238's own test vectors (SHA-1,
// the 20-byte secret "12345678901234567890"), so the two-factor tests check the console against the
// standard. The RFC's codes have 8 digits; an app shows their last 6.
describe("the tests' TOTP generator", () => {
  const secret = Buffer.from("12345678901234567890");
  it.each([
    [59, "94287082"],
    [1_111_111_109, "07081804"],
    [1_234_567_890, "89005924"],
    [2_000_000_000, "69279037"],
  ])("at %i s gives RFC 6238's code", (seconds, code) => {
    expect(totpCode(secret, seconds * 1000)).toBe(code.slice(-6));
  });

  it("reads Base32 as authenticator apps do", () => {
    expect(base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").toString()).toBe("12345678901234567890");
  });
});
