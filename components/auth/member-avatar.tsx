import { cn } from "@/lib/utils/cn";

/** A member's initials in a circle whose colour is picked from their id (stable, no pictures to store). */
export function MemberAvatar({ id, name, className }: { id: string; name: string; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn(
        "flex size-7 shrink-0 items-center justify-center rounded-full text-xs font-semibold select-none",
        TONES[hash(id) % TONES.length],
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}

const TONES = [
  "bg-family-message-soft text-family-message",
  "bg-family-social-soft text-family-social",
  "bg-family-action-soft text-family-action",
  "bg-family-account-soft text-family-account",
  "bg-family-system-soft text-family-system",
  "bg-primary-soft text-primary-soft-foreground",
];

/** "Aiko Tanaka" → "AT", "王小明" → "王", "สมชาย ใจดี" → "ส", "เอกชัย" → "อ". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const chars = Array.from(words[0]!);
  // Thai vowels written before their consonant (เ แ โ ใ ไ) do not start a name's sound: skip them.
  const first = /^[\u0E40-\u0E44]/.test(chars[0]!) && chars[1] ? chars[1] : chars[0]!;
  // Latin names: first letters of the first and last word. Others (Han, kana, Thai): the first character.
  if (!/^[A-Za-z]/.test(first)) return first;
  const last = words.length > 1 ? Array.from(words.at(-1)!)[0]! : "";
  return (first + (/^[A-Za-z]/.test(last) ? last : "")).toUpperCase();
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}
