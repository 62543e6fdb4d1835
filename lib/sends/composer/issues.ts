import type { z } from "zod";
import { issueKey } from "@/lib/utils/issue-key";

// Zod issues (from the shared message schemas, as the operator types) and the API's LINE-style 400
// details, both keyed by the same dotted path ("messages.0.template.actions.1.label"), so a field shows
// its own problem whichever side found it.

export interface FieldIssue {
  /** Translation key under "validation." and its values, or a ready message (LINE's or the server's). */
  key?: string;
  values?: Record<string, string | number>;
  message: string;
  /** The message is LINE's own (English) words, not ours. */
  fromLine?: boolean;
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
  for (const issue of error.issues) add(map, pathKey([...prefix, ...issue.path]), { ...issueKey(issue), message: issue.message });
  return map;
}

/** Our server's details carry a catalogue key (validation.*); LINE's carry only its own English message. */
export function issuesFromDetails(details: Array<{ property: string; message: string; key?: string; values?: Record<string, string | number> }>): IssueMap {
  const map: IssueMap = new Map();
  for (const d of details) {
    const key = d.key?.replace(/^validation\./, "");
    add(map, propertyKey(d.property), key ? { key, ...(d.values ? { values: d.values } : {}), message: d.message } : { message: d.message, fromLine: true });
  }
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

function add(map: IssueMap, key: string, issue: FieldIssue) {
  const list = map.get(key);
  if (list) list.push(issue);
  else map.set(key, [issue]);
}
