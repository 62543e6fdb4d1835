import { z } from "zod";
import { isStorableDate, storableDate } from "@/lib/utils/storable-date";

const RANGE = "must be a date between the years 1 and 9999";

/** A point in time in a query string: ISO 8601, or epoch milliseconds. */
export const instantParam = z.string().transform((s, ctx) => {
  const d = /^\d+$/.test(s) ? storableDate(Number(s)) : new Date(s);
  if (!d || Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date-time or epoch milliseconds" });
    return z.NEVER;
  }
  if (!isStorableDate(d)) {
    ctx.addIssue({ code: "custom", message: RANGE });
    return z.NEVER;
  }
  return d;
});

/** A date in a query string, as Date's own parser reads it. */
export const dateParam = z.coerce.date("must be a date").refine(isStorableDate, RANGE);
