// A send's messages in one line for lists: the first text, or the types of what was sent.
export function messagePreviewText(messages: unknown[], typeLabel: (type: string) => string): string {
  const first = messages[0] as { type?: string; text?: string; altText?: string } | undefined;
  if (!first) return "";
  const lead = first.text ?? first.altText ?? typeLabel(first.type === "textV2" ? "text" : (first.type ?? "text"));
  return messages.length > 1 ? `${lead} (+${messages.length - 1})` : lead;
}
