// Narrowcast recipient / demographic filter / limit objects (messaging-api.yml `Recipient`,
// `DemographicFilter`, `Limit`; line-api.md §4.2–4.4).
import { AREA_CODES } from "../world/areas";
import { Checker, join, type Obj } from "./checker";

export type RecipientExpr =
  | { type: "audience"; audienceGroupId: number }
  | { type: "redelivery"; requestId: string }
  | { type: "operator"; and?: RecipientExpr[]; or?: RecipientExpr[]; not?: RecipientExpr };

export type FilterExpr =
  | { type: "gender"; oneOf: string[] }
  | { type: "age"; gte?: string; lt?: string }
  | { type: "appType"; oneOf: string[] }
  | { type: "area"; oneOf: string[] }
  | { type: "subscriptionPeriod"; gte?: string; lt?: string }
  | { type: "operator"; and?: FilterExpr[]; or?: FilterExpr[]; not?: FilterExpr };

export type LimitSpec = { max?: number; upToRemainingQuota: boolean; forbidPartialDelivery: boolean };

export const AGE_VALUES = ["age_15", "age_20", "age_25", "age_30", "age_35", "age_40", "age_45", "age_50", "age_55", "age_60", "age_65", "age_70"];
export const PERIOD_VALUES = ["day_7", "day_30", "day_90", "day_180", "day_365"];
const MAX_RECIPIENT_OBJECTS = 10;
const MAX_FILTER_OBJECTS = 10;

export function checkRecipient(c: Checker, body: Obj): RecipientExpr | undefined {
  const recipient = c.child(body, "recipient", "");
  if (!recipient) return undefined;
  const counter = { objects: 0 };
  walkRecipient(c, recipient, "recipient", counter);
  if (counter.objects > MAX_RECIPIENT_OBJECTS) {
    c.error("recipient", `The number of audience and redelivery objects must be ${MAX_RECIPIENT_OBJECTS} or less`);
  }
  return recipient as RecipientExpr;
}

export function checkFilter(c: Checker, body: Obj): FilterExpr | undefined {
  const filter = c.child(body, "filter", "");
  if (!filter) return undefined;
  const demographic = c.child(filter, "demographic", "filter");
  if (!demographic) return undefined;
  const counter = { objects: 0 };
  walkFilter(c, demographic, "filter.demographic", counter);
  if (counter.objects > MAX_FILTER_OBJECTS) {
    c.error("filter.demographic", `The number of demographic filter objects must be ${MAX_FILTER_OBJECTS} or less`);
  }
  return demographic as FilterExpr;
}

export function checkLimit(c: Checker, body: Obj): LimitSpec {
  const limit = c.child(body, "limit", "");
  if (!limit) return { upToRemainingQuota: false, forbidPartialDelivery: false };
  const max = c.num(limit, "max", "limit", { integer: true, min: 1 });
  const upToRemainingQuota = c.bool(limit, "upToRemainingQuota", "limit") ?? false;
  const forbidPartialDelivery = c.bool(limit, "forbidPartialDelivery", "limit") ?? false;
  if (forbidPartialDelivery && !upToRemainingQuota) {
    c.error("limit.forbidPartialDelivery", "Can be set to true only when upToRemainingQuota is true");
  }
  return { max, upToRemainingQuota, forbidPartialDelivery };
}

function walkRecipient(c: Checker, node: Obj, path: string, counter: { objects: number }): void {
  const type = c.str(node, "type", path, { required: true });
  if (!type || !c.oneOf(type, ["operator", "audience", "redelivery"], join(path, "type"))) return;
  if (type === "audience") {
    counter.objects++;
    c.num(node, "audienceGroupId", path, { required: true, integer: true });
    return;
  }
  if (type === "redelivery") {
    counter.objects++;
    c.str(node, "requestId", path, { required: true });
    return;
  }
  walkOperator(c, node, path, (child, childPath) => walkRecipient(c, child, childPath, counter));
}

function walkFilter(c: Checker, node: Obj, path: string, counter: { objects: number }): void {
  const type = c.str(node, "type", path, { required: true });
  if (!type || !c.oneOf(type, ["operator", "gender", "age", "appType", "area", "subscriptionPeriod"], join(path, "type"))) return;
  if (type === "operator") {
    walkOperator(c, node, path, (child, childPath) => walkFilter(c, child, childPath, counter));
    return;
  }
  counter.objects++;
  if (type === "gender") checkOneOf(c, node, path, ["male", "female"]);
  if (type === "appType") checkOneOf(c, node, path, ["ios", "android"]);
  if (type === "area") checkOneOf(c, node, path, [...AREA_CODES]);
  if (type === "age") checkRange(c, node, path, AGE_VALUES);
  if (type === "subscriptionPeriod") checkRange(c, node, path, PERIOD_VALUES);
}

/** Exactly one of `and` (non-empty array), `or` (non-empty array) or `not` (one object). */
function walkOperator(c: Checker, node: Obj, path: string, visit: (child: Obj, childPath: string) => void): void {
  const present = ["and", "or", "not"].filter((k) => node[k] !== undefined && node[k] !== null);
  if (present.length !== 1) {
    c.error(path, "Exactly one of and, or, not must be specified");
    return;
  }
  const key = present[0] as "and" | "or" | "not";
  if (key === "not") {
    const child = c.child(node, "not", path);
    if (child) visit(child, join(path, "not"));
    return;
  }
  const items = c.arr(node, key, path, { min: 1 });
  items?.forEach((item, i) => {
    const childPath = join(join(path, key), i);
    const child = c.object(item, childPath);
    if (child) visit(child, childPath);
  });
}

function checkOneOf(c: Checker, node: Obj, path: string, allowed: readonly string[]): void {
  const values = c.arr(node, "oneOf", path, { required: true, min: 1 });
  values?.forEach((v, i) => {
    const p = join(join(path, "oneOf"), i);
    if (typeof v !== "string") c.typeError(p);
    else c.oneOf(v, allowed, p);
  });
}

function checkRange(c: Checker, node: Obj, path: string, allowed: readonly string[]): void {
  const gte = c.str(node, "gte", path);
  const lt = c.str(node, "lt", path);
  if (gte === undefined && lt === undefined) {
    c.error(path, "Either gte or lt must be specified");
    return;
  }
  const gteOk = gte === undefined || c.oneOf(gte, allowed, join(path, "gte"));
  const ltOk = lt === undefined || c.oneOf(lt, allowed, join(path, "lt"));
  if (gteOk && ltOk && gte !== undefined && lt !== undefined && allowed.indexOf(gte) >= allowed.indexOf(lt)) {
    c.error(path, "gte must be less than lt");
  }
}
