// Japanese, Chinese and Thai operators type through an input method and press Enter to commit a word:
// that Enter must not pick an option, submit or send. Chrome and Firefox mark its keydown isComposing;
// some browsers (and older Safari) only give keyCode 229, "the input method is handling this key".

/** The parts of a keydown (React's synthetic one, or a DOM KeyboardEvent) that tell a composing key apart. */
interface KeyLike {
  keyCode: number;
  isComposing?: boolean;
  nativeEvent?: { isComposing?: boolean };
}

/** True while an input method is composing: the key belongs to it, not to the field. */
export function isComposing(e: KeyLike): boolean {
  return e.nativeEvent?.isComposing === true || e.isComposing === true || e.keyCode === 229;
}
