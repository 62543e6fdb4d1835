import { describe, expect, it } from "vitest";
import { newRecoveryCodes, normalizeRecoveryCode } from "@/lib/auth/recovery-codes";

describe("recovery codes", () => {
  it("are ten different xxxxx-xxxxx codes without look-alike characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it("use every character of their alphabet about as often (no modulo bias)", () => {
    const counts = new Map<string, number>();
    for (const code of newRecoveryCodes(2000)) for (const ch of code.replace("-", "")) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(31);
    // 20,000 characters over 31: about 645 each.
    for (const n of counts.values()) expect(n).toBeGreaterThan(500);
  });

  it.each([
    ["abcde-fghjk", "abcde-fghjk"],
    ["ABCDE-FGHJK", "abcde-fghjk"],
    ["abcde fghjk", "abcde-fghjk"],
    [" abcdefghjk ", "abcde-fghjk"],
    ["not a code", "not a code"],
  ])("reads %j as %j", (typed, stored) => {
    expect(normalizeRecoveryCode(typed)).toBe(stored);
  });
});
