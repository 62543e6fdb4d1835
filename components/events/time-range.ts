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

/** ISO instant → the value a datetime-local input shows (the browser's zone, minute precision). */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (the browser's zone) → ISO instant, or undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
