// Locale-aware formatting of sizes and durations. Plain Intl, so the server and the browser agree.

const BYTE_UNITS = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;

/** 2138 → "2.1 kB" (units of 1000, as file managers show them). */
export function formatBytes(bytes: number, locale: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: BYTE_UNITS[unit],
    // "78 bytes" but "2.1 kB": CLDR's short form of a bare byte reads oddly ("78 byte").
    unitDisplay: unit === 0 ? "long" : "short",
    maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
  }).format(value);
}

/** 60000 → "1:00", 3723000 → "1:02:03" (media durations, as players show them). */
export function formatMediaDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

/** Milliseconds for latency read-outs: "12 ms", "1.4 s". */
export function formatLatency(ms: number | null | undefined, locale: string): string {
  if (ms == null || !Number.isFinite(ms)) return "—";
  if (ms < 1000) {
    return new Intl.NumberFormat(locale, { style: "unit", unit: "millisecond", unitDisplay: "short", maximumFractionDigits: 0 }).format(ms);
  }
  return new Intl.NumberFormat(locale, { style: "unit", unit: "second", unitDisplay: "short", maximumFractionDigits: 1 }).format(ms / 1000);
}

/** U066548bbcded8077efcfe3fb2c3ea935 → "U0665…a935": enough to tell ids apart at a glance. */
export function shortId(id: string, head = 5, tail = 4): string {
  return id.length <= head + tail + 1 ? id : `${id.slice(0, head)}…${id.slice(-tail)}`;
}
