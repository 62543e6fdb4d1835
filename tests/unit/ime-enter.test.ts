import { describe, expect, it } from "vitest";
import { COMPOSITION_END_GUARD_MS, enterSends, type EnterKey } from "@/lib/sends/composer/ime-enter";

const enter: EnterKey = { key: "Enter", shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, isComposing: false, keyCode: 13 };

describe("enterSends", () => {
  it("sends on a plain Enter, and on Ctrl/⌘+Enter", () => {
    expect(enterSends(enter, null, 1000)).toBe(true);
    expect(enterSends({ ...enter, ctrlKey: true }, null, 1000)).toBe(true);
    expect(enterSends({ ...enter, metaKey: true }, null, 1000)).toBe(true);
  });

  it("breaks the line on Shift+Enter or Alt+Enter, and ignores other keys", () => {
    expect(enterSends({ ...enter, shiftKey: true }, null, 1000)).toBe(false);
    expect(enterSends({ ...enter, altKey: true }, null, 1000)).toBe(false);
    expect(enterSends({ ...enter, key: "a", keyCode: 65 }, null, 1000)).toBe(false);
  });

  it("never sends while an input method is composing (isComposing, or keyCode 229)", () => {
    expect(enterSends({ ...enter, isComposing: true }, null, 1000)).toBe(false);
    expect(enterSends({ ...enter, keyCode: 229 }, null, 1000)).toBe(false);
  });

  it("ignores the Enter that arrives right after compositionend (Safari commits, then sends the key)", () => {
    expect(enterSends(enter, 1000, 1000 + 5)).toBe(false);
    expect(enterSends(enter, 1000, 1000 + COMPOSITION_END_GUARD_MS)).toBe(true);
  });
});
