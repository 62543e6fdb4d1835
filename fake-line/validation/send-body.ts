// Fields shared by the sending endpoints besides `messages`.
import { Checker, join, type Obj } from "./checker";

export function checkNotificationDisabled(c: Checker, body: Obj): boolean {
  return c.bool(body, "notificationDisabled", "") ?? false;
}

/** `customAggregationUnits`: at most one unit name of 1–30 characters [a-zA-Z0-9_]; the name, if any. */
export function checkAggregationUnits(c: Checker, body: Obj): string | undefined {
  const units = c.arr(body, "customAggregationUnits", "", { max: 1 });
  units?.forEach((unit, i) => {
    const p = join("customAggregationUnits", i);
    if (typeof unit !== "string") c.typeError(p);
    else if (!/^[a-zA-Z0-9_]{1,30}$/.test(unit)) c.error(p, "Must match ^[a-zA-Z0-9_]{1,30}$");
  });
  const unit = units?.[0];
  return typeof unit === "string" ? unit : undefined;
}
