// LINE emoji sit on "$" characters of a text message, by index. When the operator edits the text the
// indices must follow: we find the changed span (common prefix and suffix of old and new text), keep
// emoji before it, shift those after it, and drop those whose "$" was edited away.

export interface TextEmoji {
  index: number;
  productId: string;
  emojiId: string;
}

export function followEdit(before: string, after: string, emojis: TextEmoji[]): TextEmoji[] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const delta = after.length - before.length;
  const changedEnd = before.length - suffix;
  return emojis
    .flatMap((e) => {
      if (e.index < prefix) return [e];
      if (e.index >= changedEnd) return [{ ...e, index: e.index + delta }];
      return [];
    })
    .filter((e) => after[e.index] === "$");
}

/** Insert an emoji's "$" at the caret. */
export function insertEmoji(text: string, caret: number, emojis: TextEmoji[], emoji: Omit<TextEmoji, "index">) {
  const next = text.slice(0, caret) + "$" + text.slice(caret);
  const moved = emojis.map((e) => (e.index >= caret ? { ...e, index: e.index + 1 } : e));
  return { text: next, emojis: [...moved, { ...emoji, index: caret }].sort((a, b) => a.index - b.index) };
}

/** Split text into plain runs and emoji markers, for the preview. */
export function textSegments(text: string, emojis: TextEmoji[] = []): Array<{ text: string } | { emoji: TextEmoji }> {
  const at = new Map(emojis.map((e) => [e.index, e]));
  const out: Array<{ text: string } | { emoji: TextEmoji }> = [];
  let run = "";
  for (let i = 0; i < text.length; i++) {
    const e = at.get(i);
    if (e && text[i] === "$") {
      if (run) out.push({ text: run });
      run = "";
      out.push({ emoji: e });
    } else run += text[i];
  }
  if (run) out.push({ text: run });
  return out;
}
