import { describe, expect, it } from "vitest";
import { chatIdProblem } from "@/lib/sends/composer/chat-id";

describe("chat id problems", () => {
  it("says what is wrong with something that is nearly a LINE id", () => {
    expect(chatIdProblem(`U${"a".repeat(31)}`)).toEqual({ problem: "length", digits: 31 });
    expect(chatIdProblem(`C${"0".repeat(33)}`)).toEqual({ problem: "length", digits: 33 });
    expect(chatIdProblem(`U${"A".repeat(32)}`)).toEqual({ problem: "uppercase" });
    expect(chatIdProblem(`U${"g".repeat(32)}`)).toEqual({ problem: "notHex" });
    expect(chatIdProblem(`u${"a".repeat(32)}`)).toEqual({ problem: "lowercasePrefix" });
  });

  it("leaves valid ids and names alone", () => {
    expect(chatIdProblem(`U${"a".repeat(32)}`)).toBeNull();
    expect(chatIdProblem(`R${"0".repeat(32)}`)).toBeNull();
    for (const name of ["Ueda", "Chen", "Ruth Baker", "田中", "Uchida Hanako"]) expect(chatIdProblem(name), name).toBeNull();
  });
});
