// A hint while someone chooses a password, in the browser. The server's rules (lib/auth/schemas.ts:
// 12–128 characters, at least 5 different ones) decide what is accepted; this only says how guessable
// an accepted password looks, so people aim for a passphrase rather than the minimum.

export type PasswordStrength = 0 | 1 | 2 | 3 | 4;
export const STRENGTH_LABELS = ["tooShort", "weak", "fair", "strong", "veryStrong"] as const;

export const MIN_PASSWORD_LENGTH = 12;
const MIN_DISTINCT = 5;

export function passwordStrength(password: string): { score: PasswordStrength; label: (typeof STRENGTH_LABELS)[PasswordStrength]; acceptable: boolean } {
  const chars = Array.from(password);
  // Same measures as the schema (UTF-16 length, distinct code points).
  const acceptable = password.length >= MIN_PASSWORD_LENGTH && password.length <= 128 && new Set(chars).size >= MIN_DISTINCT;
  if (!acceptable) return { score: 0, label: "tooShort", acceptable };
  const bits = effectiveLength(password) * Math.log2(alphabetSize(password));
  const score: PasswordStrength = bits < 50 ? 1 : bits < 66 ? 2 : bits < 80 ? 3 : 4;
  return { score, label: STRENGTH_LABELS[score], acceptable };
}

// Runs of repeated characters, keyboard rows, ascending sequences and well-known words add almost
// nothing for a guesser: count them as one character each.
const PREDICTABLE = [
  /(.)\1{2,}/g,
  /(?:0123|1234|2345|3456|4567|5678|6789|abcd|bcde|cdef|qwer|wert|erty|asdf|sdfg|zxcv)+/gi,
  /passw(?:or)?d|letmein|admin|welcome|iloveyou|line|console/gi,
];

function effectiveLength(password: string): number {
  let rest = password;
  let length = 0;
  for (const pattern of PREDICTABLE) {
    rest = rest.replace(pattern, () => {
      length += 1;
      return "";
    });
  }
  return length + Array.from(rest).length;
}

function alphabetSize(password: string): number {
  let size = 0;
  if (/[a-z]/.test(password)) size += 26;
  if (/[A-Z]/.test(password)) size += 26;
  if (/\d/.test(password)) size += 10;
  if (/[ -/:-@[-`{-~]/.test(password)) size += 33;
  // Chinese, Japanese, Thai…: large alphabets; counted conservatively.
  if (/[^\x00-\x7f]/.test(password)) size += 100;
  return Math.max(size, 2);
}
