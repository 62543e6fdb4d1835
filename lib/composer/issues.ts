import type { z } from "zod";

// Zod issues (from the shared message schemas, as the operator types) and the API's LINE-style 400
// details, both keyed by the same dotted path ("messages.0.template.actions.1.label"), so a field shows
// its own problem whichever side found it.

export interface FieldIssue {
  /** Translation key under "validation." and its values, or a ready message (LINE's or the server's). */
  key?: string;
  values?: Record<string, string | number>;
  message: string;
}

export type IssueMap = Map<string, FieldIssue[]>;

export function pathKey(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join(".");
}

/** "messages[0].template.actions[1].label" → "messages.0.template.actions.1.label". */
export function propertyKey(property: string): string {
  return property.replace(/\[(\d+)\]/g, ".$1").replace(/^\./, "");
}

export function issuesFromZod(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): IssueMap {
  const map: IssueMap = new Map();
  for (const issue of error.issues) add(map, pathKey([...prefix, ...issue.path]), describeIssue(issue));
  return map;
}

export function issuesFromDetails(details: Array<{ property: string; message: string }>): IssueMap {
  const map: IssueMap = new Map();
  for (const d of details) add(map, propertyKey(d.property), { message: d.message });
  return map;
}

export function mergeIssues(...maps: IssueMap[]): IssueMap {
  const out: IssueMap = new Map();
  for (const m of maps) for (const [k, v] of m) for (const i of v) add(out, k, i);
  return out;
}

/** Issues at a path or below it (a card shows how many problems its message has). */
export function issuesUnder(map: IssueMap, prefix: string): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const [k, v] of map) if (k === prefix || k.startsWith(`${prefix}.`)) out.push(...v);
  return out;
}

// Our own wording for zod's standard codes (sizes, formats, missing fields); custom issues carry their
// key in params.key (lib/messages/common.ts).
function describeIssue(issue: z.core.$ZodIssue): FieldIssue {
  const params = (issue as { params?: Record<string, unknown> }).params;
  if (typeof params?.key === "string") {
    const { key, ...values } = params;
    return { key: key.replace(/^validation\./, ""), values: values as Record<string, string | number>, message: issue.message };
  }
  switch (issue.code) {
    case "too_big":
      return { key: issue.origin === "string" ? "maxChars" : issue.origin === "array" ? "maxItems" : "maxNumber", values: { maximum: Number(issue.maximum) }, message: issue.message };
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return { key: "required", message: issue.message };
      return { key: issue.origin === "string" ? "minChars" : issue.origin === "array" ? "minItems" : "minNumber", values: { minimum: Number(issue.minimum) }, message: issue.message };
    case "invalid_type":
      return { key: issue.input === undefined ? "required" : "wrongType", message: issue.message };
    case "invalid_format":
      return { key: "format", message: issue.message };
    case "invalid_value":
      return { key: "oneOf", values: { values: issue.values.map(String).join(", ") }, message: issue.message };
    default:
      return { key: "invalid", message: issue.message };
  }
}

function add(map: IssueMap, key: string, issue: FieldIssue) {
  const list = map.get(key);
  if (list) list.push(issue);
  else map.set(key, [issue]);
}
