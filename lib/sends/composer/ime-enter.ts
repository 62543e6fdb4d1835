// When Enter sends a chat message. Typing Japanese, Chinese or Thai goes through an input method: the
// Enter that picks a conversion must never send. Browsers tell it apart differently — isComposing on
// the keydown (Chrome, Firefox), keyCode 229 ("the IME is handling this key"), or, in Safari, a
// compositionend that arrives just before the committing Enter's keydown, which then looks like a
// plain Enter — so the guard takes all three.

import { isComposing } from "@/lib/utils/is-composing";

/** An Enter this soon after compositionend is the one that committed the conversion (Safari). */
export const COMPOSITION_END_GUARD_MS = 80;

export interface EnterKey {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  isComposing: boolean;
  keyCode: number;
}

/**
 * Enter sends; Shift+Enter (and Alt+Enter) breaks the line; nothing sends while an input method is
 * composing. `lastCompositionEnd` is when the field last saw compositionend (ms, or null).
 */
export function enterSends(e: EnterKey, lastCompositionEnd: number | null, now: number): boolean {
  if (e.key !== "Enter") return false;
  if (e.shiftKey || e.altKey) return false;
  if (isComposing(e)) return false;
  if (lastCompositionEnd !== null && now - lastCompositionEnd < COMPOSITION_END_GUARD_MS) return false;
  return true;
}
