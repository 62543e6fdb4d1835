import Holidays, { type HolidaysTypes } from "date-holidays";
import { wallTime } from "./recurrence";

// Warnings, never refusals: a send that would arrive at night (22:00–08:00) where its recipients live, or
// on a public holiday there. The console's accounts are Taiwanese, Japanese and Thai (LINE's markets), so
// those three zones are shown for every send. Holidays come from date-holidays, a maintained calendar
// (lunar new year, substitute days and Thai royal days move every year; a typed list would rot).

export const RECIPIENT_ZONES = [
  { zone: "Asia/Taipei", country: "TW", language: "zh" },
  // date-holidays names Japan's holidays in Japanese under "jp", not ISO 639's "ja".
  { zone: "Asia/Tokyo", country: "JP", language: "jp" },
  { zone: "Asia/Bangkok", country: "TH", language: "th" },
] as const;
export type RecipientCountry = (typeof RECIPIENT_ZONES)[number]["country"];
export type RecipientZone = (typeof RECIPIENT_ZONES)[number]["zone"];

/** Quiet from 22:00 until 08:00 local time. */
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 8;

export interface ZoneWarning {
  zone: RecipientZone;
  country: RecipientCountry;
  /** The local date and time there, ISO 8601 without an offset (2027-01-01T09:00:00). */
  local: string;
  quiet: boolean;
  /** A public holiday there: its name in English and in the country's language. */
  holiday: { name: string; localName: string } | null;
}

export interface ScheduleWarnings {
  zones: ZoneWarning[];
  /** The zone most of the channel's friends are in (LINE's demographics), when known. */
  likelyZone: RecipientZone | null;
}

/** How a send at `at` arrives in each recipient zone. */
export function zoneWarnings(at: Date): ZoneWarning[] {
  return RECIPIENT_ZONES.map(({ zone, country, language }) => {
    const w = wallTime(at, zone);
    const holiday = publicHoliday(country, at, "en");
    return {
      zone,
      country,
      local: `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`,
      quiet: isQuietHour(w.hour),
      holiday: holiday ? { name: holiday, localName: publicHoliday(country, at, language) ?? holiday } : null,
    };
  });
}

export function isQuietHour(hour: number): boolean {
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/** The name of the public holiday `at` falls on in `country` (its own time zone), or null. */
export function publicHoliday(country: RecipientCountry, at: Date, language: string): string | null {
  const year = wallTime(at, RECIPIENT_ZONES.find((z) => z.country === country)!.zone).year;
  const t = at.getTime();
  const found = holidaysOf(country, year, language).find((h) => h.start.getTime() <= t && t < h.end.getTime());
  return found?.name ?? null;
}

// A year's public holidays of a country in one language, worked out once per process.
const cache = new Map<string, HolidaysTypes.Holiday[]>();
const calendars = new Map<RecipientCountry, Holidays>();
function holidaysOf(country: RecipientCountry, year: number, language: string) {
  const key = `${country}:${year}:${language}`;
  let list = cache.get(key);
  if (!list) {
    let calendar = calendars.get(country);
    if (!calendar) calendars.set(country, (calendar = new Holidays(country, { types: ["public"] })));
    list = calendar.getHolidays(year, language).filter((h) => h.type === "public");
    // Any year may be asked about (the warnings route takes any date): keep the cache bounded.
    if (cache.size > 60) cache.clear();
    cache.set(key, list);
  }
  return list;
}

function pad(n: number) {
  return String(n).padStart(2, "0");
}
