import type { AGE_BUCKETS, DemographicFilter, Recipient, SUBSCRIPTION_BUCKETS } from "@/lib/sends/narrowcast-schema";

// The visual builder's tree: groups (all of / any of / none of) holding conditions or more groups.
// LINE's JSON keeps audiences (`recipient`) and demographics (`filter.demographic`) in two trees, so the
// composer has one builder for each; both use this shape. "None of" holds any number of children and
// means "not (all of them)": LINE's `not` takes one object, so several children become not(and(…)).

export type AgeBucket = (typeof AGE_BUCKETS)[number];
export type PeriodBucket = (typeof SUBSCRIPTION_BUCKETS)[number];

export type Condition =
  | { kind: "gender"; oneOf: Array<"male" | "female"> }
  | { kind: "age"; gte?: AgeBucket; lt?: AgeBucket }
  | { kind: "appType"; oneOf: Array<"ios" | "android"> }
  | { kind: "area"; oneOf: string[] }
  | { kind: "subscriptionPeriod"; gte?: PeriodBucket; lt?: PeriodBucket }
  | { kind: "audience"; audienceGroupId: number | null }
  | { kind: "redelivery"; requestId: string };

export type GroupOp = "and" | "or" | "not";
export type TreeNode = ({ id: string } & Condition) | Group;
export interface Group {
  id: string;
  kind: "group";
  op: GroupOp;
  children: TreeNode[];
}

export function emptyGroup(op: GroupOp = "and"): Group {
  return { id: newId(), kind: "group", op, children: [] };
}

export function isEmptyTree(g: Group): boolean {
  return g.children.every((c) => c.kind === "group" && isEmptyTree(c));
}

/**
 * A condition the operator has added but not filled in (no gender picked, no age bound, no audience):
 * it says nothing, so it is left out of LINE's JSON and the sentence, and the composer will not send
 * until it is filled in or removed (useCompose reports it as a problem on the condition).
 */
export function isIncomplete(c: Condition): boolean {
  switch (c.kind) {
    case "gender":
    case "appType":
    case "area":
      return c.oneOf.length === 0;
    case "age":
    case "subscriptionPeriod":
      return !c.gte && !c.lt;
    case "audience":
      return !c.audienceGroupId;
    case "redelivery":
      return !c.requestId.trim();
  }
}

/** Every incomplete condition of a tree, at any depth. */
export function incompleteConditions(g: Group): Array<{ id: string; kind: Condition["kind"] }> {
  return g.children.flatMap((c) => (c.kind === "group" ? incompleteConditions(c) : isIncomplete(c) ? [{ id: c.id, kind: c.kind }] : []));
}

/** A condition as the operator first sees it: nothing chosen for them. */
export function blankCondition(kind: Condition["kind"]): TreeNode {
  const id = newId();
  switch (kind) {
    case "gender":
    case "appType":
    case "area":
      return { id, kind, oneOf: [] };
    case "age":
    case "subscriptionPeriod":
      return { id, kind };
    case "audience":
      return { id, kind, audienceGroupId: null };
    case "redelivery":
      return { id, kind, requestId: "" };
  }
}

/** The demographic tree as LINE's `filter.demographic`, or undefined when it holds nothing. */
export function toDemographic(g: Group): DemographicFilter | undefined {
  return toLine(g, (c): DemographicFilter | undefined => {
    if (isIncomplete(c)) return undefined;
    switch (c.kind) {
      case "gender":
      case "appType":
      case "area":
        return { type: c.kind, oneOf: c.oneOf } as DemographicFilter;
      case "age":
      case "subscriptionPeriod":
        return { type: c.kind, ...(c.gte ? { gte: c.gte } : {}), ...(c.lt ? { lt: c.lt } : {}) } as DemographicFilter;
      default:
        return undefined;
    }
  }) as DemographicFilter | undefined;
}

/** The audience tree as LINE's `recipient`, or undefined when it holds nothing. */
export function toRecipient(g: Group): Recipient | undefined {
  return toLine(g, (c): Recipient | undefined => {
    if (isIncomplete(c)) return undefined;
    if (c.kind === "audience") return { type: "audience", audienceGroupId: c.audienceGroupId ?? 0 };
    if (c.kind === "redelivery") return { type: "redelivery", requestId: c.requestId };
    return undefined;
  }) as Recipient | undefined;
}

/** LINE JSON (demographic filter or recipient) back into a builder tree whose root is a group. */
export function fromLine(tree: DemographicFilter | Recipient | undefined): Group {
  if (!tree) return emptyGroup();
  const node = nodeFromLine(tree);
  return node.kind === "group" ? node : { ...emptyGroup(), children: [node] };
}

export function newId(): string {
  return Math.random().toString(36).slice(2, 10);
}

type Op = { type: "operator"; and?: unknown[]; or?: unknown[]; not?: unknown };

function toLine<T>(g: Group, leaf: (c: Condition) => T | undefined): T | Op | undefined {
  const parts = g.children.map((c) => (c.kind === "group" ? toLine(c, leaf) : leaf(c))).filter((x): x is T | Op => x !== undefined);
  if (parts.length === 0) return undefined;
  if (g.op === "not") return { type: "operator", not: parts.length === 1 ? parts[0] : { type: "operator", and: parts } };
  // A group of one says nothing its child does not: keep LINE's JSON as small as the operator's intent.
  if (parts.length === 1) return parts[0];
  return { type: "operator", [g.op]: parts } as Op;
}

function nodeFromLine(t: DemographicFilter | Recipient): TreeNode {
  const id = newId();
  switch (t.type) {
    case "operator": {
      if (t.not) {
        const inner = nodeFromLine(t.not);
        // not(and(a, b)) is how "none of" with several children is written: read it back the same way.
        const children = inner.kind === "group" && inner.op === "and" ? inner.children : [inner];
        return { id, kind: "group", op: "not", children };
      }
      const op: GroupOp = t.and ? "and" : "or";
      return { id, kind: "group", op, children: ((t.and ?? t.or ?? []) as Array<DemographicFilter | Recipient>).map(nodeFromLine) };
    }
    case "gender":
      return { id, kind: "gender", oneOf: [...t.oneOf] };
    case "appType":
      return { id, kind: "appType", oneOf: [...t.oneOf] };
    case "area":
      return { id, kind: "area", oneOf: [...t.oneOf] };
    case "age":
      return { id, kind: "age", gte: t.gte, lt: t.lt };
    case "subscriptionPeriod":
      return { id, kind: "subscriptionPeriod", gte: t.gte, lt: t.lt };
    case "audience":
      return { id, kind: "audience", audienceGroupId: t.audienceGroupId };
    case "redelivery":
      return { id, kind: "redelivery", requestId: t.requestId };
  }
}
