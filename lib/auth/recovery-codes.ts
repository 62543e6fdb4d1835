import { RECOVERY_CODE_COUNT } from "./two-factor-policy";

// Recovery codes are typed from paper or a password manager, often on a phone: lowercase letters and
// digits without look-alikes (no 0/o, 1/l/i), as xxxxx-xxxxx — about 49 bits each. better-auth's own
// mix upper and lower case and compare exactly, so "I6o4R" typed as "i6o4r" failed.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    let code = "";
    while (code.length < 10) {
      for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
        // 248 = 8 × 31: bytes above it would make some characters likelier than others.
        if (byte < 248 && code.length < 10) code += ALPHABET[byte % ALPHABET.length];
      }
    }
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** A recovery code as typed ("ABCDE FGHJK", "abcdefghjk") in the form it is stored in ("abcde-fghjk"). */
export function normalizeRecoveryCode(typed: string): string {
  const bare = typed.toLowerCase().replace(/[\s-]+/g, "");
  return bare.length === 10 ? `${bare.slice(0, 5)}-${bare.slice(5)}` : typed.trim();
}
