// Time range presets for the timeline. The URL keeps absolute from/to instants (what the API takes), so
// a shared link shows the same events to whoever opens it.

export const timePresets = [
  { key: "15m", ms: 15 * 60_000 },
  { key: "1h", ms: 3_600_000 },
  { key: "24h", ms: 24 * 3_600_000 },
  { key: "7d", ms: 7 * 24 * 3_600_000 },
] as const;

export type TimePreset = (typeof timePresets)[number]["key"];

export function presetRange(key: TimePreset, now = Date.now()): { from: string; to: undefined } {
  const preset = timePresets.find((p) => p.key === key)!;
  return { from: new Date(now - preset.ms).toISOString(), to: undefined };
}

/**
 * ISO instant → what a datetime-local input shows, as wall-clock time in the operator's zone. Done with
 * the zone from next-intl (not the runtime's local zone) so the server render and the browser agree.
 */
export function toLocalInput(iso: string | undefined, timeZone: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const p = wallClock(d, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A datetime-local value (wall-clock time in the operator's zone) → ISO instant; undefined when empty or invalid. */
export function fromLocalInput(value: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return undefined;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The zone's offset at that moment; a second pass settles times next to a daylight-saving change.
  let at = asUtc - offsetMs(new Date(asUtc), timeZone);
  at = asUtc - offsetMs(new Date(at), timeZone);
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

function wallClock(d: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const get = (type: string) => parts.find((x) => x.type === type)?.value ?? "00";
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

function offsetMs(d: Date, timeZone: string): number {
  const p = wallClock(d, timeZone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return asUtc - Math.floor(d.getTime() / 60_000) * 60_000;
}
