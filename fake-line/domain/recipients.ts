// Who a narrowcast reaches: the recipient expression (audiences, redeliveries, and/or/not) and the
// demographic filter, applied to the current friends. A filter on an attribute never matches a user
// whose attribute is unknown, not even under `not` (three-valued logic: unknown stays unknown, and
// only "true" is sent to). Thai users under 20 are excluded whenever attributes are used.
import { DAY } from "../core/jst";
import type { FilterExpr, RecipientExpr } from "../validation/narrowcast";
import { areaByCode } from "../world/areas";
import type { User } from "../world/types";

export type RecipientSets = {
  /** Members of a READY audience, or an error message for the 400. */
  audience(id: number): Set<string> | { error: string };
  /** Recipients of a succeeded narrowcast, or an error message for the 400. */
  redelivery(requestId: string): Set<string> | { error: string };
};

type Tri = boolean | null;

export class RecipientError extends Error {}

/** Compiles the recipient expression into a predicate; throws RecipientError for an unusable id. */
export function compileRecipient(expr: RecipientExpr, sets: RecipientSets): (userId: string) => boolean {
  switch (expr.type) {
    case "audience": {
      const members = sets.audience(expr.audienceGroupId);
      if ("error" in members) throw new RecipientError(members.error);
      return (id) => members.has(id);
    }
    case "redelivery": {
      const members = sets.redelivery(expr.requestId);
      if ("error" in members) throw new RecipientError(members.error);
      return (id) => members.has(id);
    }
    case "operator": {
      if (expr.and) {
        const parts = expr.and.map((e) => compileRecipient(e, sets));
        return (id) => parts.every((p) => p(id));
      }
      if (expr.or) {
        const parts = expr.or.map((e) => compileRecipient(e, sets));
        return (id) => parts.some((p) => p(id));
      }
      if (expr.not) {
        const inner = compileRecipient(expr.not, sets);
        return (id) => !inner(id);
      }
      return () => false;
    }
  }
}

export function matchesFilter(expr: FilterExpr, user: User, now: number): boolean {
  return evaluate(expr, user, now) === true && !isThaiMinor(user);
}

/** LINE excludes Thai users under 20 from attribute-based targeting. */
export function isThaiMinor(user: User): boolean {
  if (user.age === null || user.age >= 20 || user.areaCode === null) return false;
  return areaByCode(user.areaCode)?.country === "TH";
}

/** Users LINE can target by attributes: gender, age and area known, and not a Thai minor. */
export function isTargetable(user: User): boolean {
  return user.gender !== null && user.age !== null && user.areaCode !== null && !isThaiMinor(user);
}

export function subscriptionDays(user: User, now: number): number | null {
  return user.friendSince === null ? null : Math.floor((now - user.friendSince) / DAY);
}

function evaluate(expr: FilterExpr, user: User, now: number): Tri {
  switch (expr.type) {
    case "gender":
      return user.gender === null ? null : expr.oneOf.includes(user.gender);
    case "appType":
      return expr.oneOf.includes(user.appType);
    case "area":
      return user.areaCode === null ? null : expr.oneOf.includes(user.areaCode);
    case "age":
      return user.age === null ? null : inRange(user.age, bound(expr.gte), bound(expr.lt));
    case "subscriptionPeriod": {
      const days = subscriptionDays(user, now);
      return days === null ? null : inRange(days, bound(expr.gte), bound(expr.lt));
    }
    case "operator":
      if (expr.and) return and(expr.and.map((e) => evaluate(e, user, now)));
      if (expr.or) return or(expr.or.map((e) => evaluate(e, user, now)));
      if (expr.not) {
        const v = evaluate(expr.not, user, now);
        return v === null ? null : !v;
      }
      return null;
  }
}

/** "age_20" → 20, "day_30" → 30. */
function bound(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value.split("_")[1]);
}

function inRange(value: number, gte: number | undefined, lt: number | undefined): boolean {
  return (gte === undefined || value >= gte) && (lt === undefined || value < lt);
}

function and(values: Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}

function or(values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}
