// Addresses as people read them. better-auth stores IPv6 fully expanded ("0000:…:0001"); the
// unspecified address (all zeros) means the address was not known when the session started.

/** "2001:0db8:0000:0000:0000:0000:0000:0001" → "2001:db8::1"; unknown → null. */
export function displayIp(ip: string | null | undefined): string | null {
  if (!ip || ip === "unknown") return null;
  if (!ip.includes(":")) return ip === "0.0.0.0" ? null : ip;
  const mapped = /^(?:0{1,4}:){5}ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip) ?? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const groups = expand(ip);
  if (!groups) return ip;
  if (groups.every((g) => g === 0)) return null;
  return compress(groups);
}

function expand(ip: string): number[] | null {
  const [head = "", tail, extra] = ip.split("::");
  if (extra !== undefined) return null;
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  const parts = [...left, ...Array<string>(Math.max(0, missing)).fill("0"), ...right];
  if (parts.length !== 8 || parts.some((p) => !/^[0-9a-f]{1,4}$/i.test(p))) return null;
  return parts.map((p) => parseInt(p, 16));
}

// RFC 5952: lower case, no leading zeros, the longest run (≥ 2) of zero groups as "::".
function compress(groups: number[]): string {
  let best = { at: -1, length: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { at: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.length < 2) return hex.join(":");
  return `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.length).join(":")}`;
}
