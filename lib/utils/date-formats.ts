// Date-time formats used across the console: a 24-hour clock everywhere (these are log timestamps),
// the operator's locale for everything else.

/** To the millisecond, for detail pages and hover cards. The zone is appended separately (see zoneName). */
export const EXACT_TIME = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  fractionalSecondDigits: 3,
  hourCycle: "h23",
} as const;

/** Day and minute, for compact places (filter chips, ranges). */
export const SHORT_TIME = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** With seconds, next to a relative time. */
export const SHORT_TIME_SECONDS = { ...SHORT_TIME, second: "2-digit" } as const;

/** Year, day and minute (a deadline, the month's end). */
export const DATE_AND_MINUTE = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

export const HOUR_LABEL = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/**
 * "GMT+8", "JST"… on its own. Asking Intl for the zone inside a full date-time makes some locales (Thai)
 * switch to a spelled-out clock ("23 นาฬิกา 49 นาที"), so it is formatted apart.
 */
export function zoneName(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }).formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}
