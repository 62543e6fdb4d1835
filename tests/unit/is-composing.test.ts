import { describe, expect, it } from "vitest";
import { isComposing } from "@/lib/utils/is-composing";

describe("isComposing", () => {
  it("is true for a React keydown whose native event is composing", () => {
    expect(isComposing({ keyCode: 13, nativeEvent: { isComposing: true } })).toBe(true);
  });

  it("is true for a DOM keydown marked isComposing", () => {
    expect(isComposing({ keyCode: 13, isComposing: true })).toBe(true);
  });

  it("is true for keyCode 229, the input method's key, even without isComposing (older Safari)", () => {
    expect(isComposing({ keyCode: 229, nativeEvent: { isComposing: false } })).toBe(true);
    expect(isComposing({ keyCode: 229 })).toBe(true);
  });

  it("is false for a plain Enter", () => {
    expect(isComposing({ keyCode: 13, nativeEvent: { isComposing: false } })).toBe(false);
    expect(isComposing({ keyCode: 13, isComposing: false })).toBe(false);
  });
});
