import { z } from "zod";
import { parseInstant } from "@/lib/utils/instant";
import { isStorableDate } from "@/lib/utils/storable-date";

const RANGE = "must be a date between the years 1 and 9999";

/** A point in time in a query string: ISO 8601, or epoch milliseconds. */
export const instantParam = z.string().transform((s, ctx) => {
  const instant = parseInstant(s);
  if (instant.ok) return instant.date;
  ctx.addIssue({ code: "custom", message: instant.reason === "range" ? RANGE : "must be an ISO 8601 date-time or epoch milliseconds" });
  return z.NEVER;
});

/** A date in a query string, as Date's own parser reads it. */
export const dateParam = z.coerce.date("must be a date").refine(isStorableDate, RANGE);
