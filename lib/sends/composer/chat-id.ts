// A push goes to one user (U…), group (C…) or room (R…): the letter and 32 lower-case hexadecimal
// digits. When an operator pastes something close to that, the composer says exactly what is off
// instead of quietly finding no match.

export const CHAT_ID = /^[UCR][0-9a-f]{32}$/;

export type ChatIdProblem = { problem: "lowercasePrefix" } | { problem: "length"; digits: number } | { problem: "uppercase" } | { problem: "notHex" };

/** What is wrong with something that looks like an attempt at a LINE id, or null (a valid id, or a name). */
export function chatIdProblem(value: string): ChatIdProblem | null {
  const v = value.trim();
  if (CHAT_ID.test(v)) return null;
  // Names are searched, not judged: only long runs of letters and digits after U/C/R look like ids.
  if (!/^[UCRucr][0-9a-zA-Z]{16,}$/.test(v)) return null;
  if (/^[ucr]/.test(v)) return { problem: "lowercasePrefix" };
  const digits = v.slice(1);
  if (/[^0-9a-fA-F]/.test(digits)) return { problem: "notHex" };
  if (digits.length !== 32) return { problem: "length", digits: digits.length };
  return { problem: "uppercase" };
}
