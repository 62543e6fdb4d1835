import { describe, expect, it } from "vitest";
import { passwordStrength } from "@/lib/auth/password-strength";
import { password as passwordSchema } from "@/lib/auth/schemas";

describe("passwordStrength", () => {
  it("calls anything the server would refuse too short", () => {
    for (const p of ["", "short", "elevenchars", "aaaaaaaaaaaaaaaa", "abababababab"]) {
      expect(passwordStrength(p)).toMatchObject({ score: 0, acceptable: false });
      expect(passwordSchema.safeParse(p).success).toBe(false);
    }
  });

  it("accepts exactly what the server accepts", () => {
    for (const p of ["twelve-chars", "plum-blossom-42-tea", "請問週日有營業嗎還有位子", "abcdefghijkl"]) {
      expect(passwordStrength(p).acceptable).toBe(passwordSchema.safeParse(p).success);
    }
  });

  it("rates a 12-letter word-like password lower than a long passphrase", () => {
    expect(passwordStrength("sunflowerbed").score).toBeLessThanOrEqual(2);
    expect(passwordStrength("plum-blossom-42-tea").score).toBe(4);
  });

  it("sees through sequences, keyboard rows and the word password", () => {
    expect(passwordStrength("Password1234").score).toBe(1);
    expect(passwordStrength("qwertyasdfgh").score).toBe(1);
    expect(passwordStrength("aaaaaa123456bcd").score).toBeLessThanOrEqual(1);
  });

  it("counts Chinese, Japanese and Thai characters as a large alphabet", () => {
    expect(passwordStrength("台北港灣夜景咖啡茶館書店花園").score).toBe(4);
    expect(passwordStrength("สวัสดีครับผมชื่อสมชาย").score).toBe(4);
  });
});
