"use client";

import { useTranslations } from "next-intl";
import { createContext, use } from "react";
import { issuesUnder, type FieldIssue, type IssueMap } from "@/lib/sends/composer/issues";

// The composer's problems, by dotted path: every field reads its own from here, so the shared zod
// schemas and LINE's 400 details show next to the field they are about.
const IssuesContext = createContext<IssueMap>(new Map());

export const IssuesProvider = IssuesContext;

export function useIssues(): IssueMap {
  return use(IssuesContext);
}

/** A problem as a field shows it: in the operator's language, or (fromLine) as LINE wrote it. */
export interface ShownIssue {
  text: string;
  fromLine?: boolean;
  /** Where below the field it is (a flex bubble's "body.contents.1.url"). */
  where?: string;
}

/** Messages for exactly this path (or, with `deep`, anything below it), each once. */
export function useFieldIssues(path: string, deep = false): ShownIssue[] {
  const map = use(IssuesContext);
  const translate = useTranslateIssue();
  const issues = deep ? issuesUnder(map, path) : (map.get(path) ?? []);
  return uniqueIssues(issues.map(translate));
}

export function useTranslateIssue(): (issue: FieldIssue) => ShownIssue {
  const t = useTranslations("validation");
  return (issue: FieldIssue) =>
    issue.key && t.has(issue.key) ? { text: t(issue.key, issue.values) } : { text: issue.message, fromLine: issue.fromLine ?? !issue.key };
}

export function uniqueIssues(list: ShownIssue[]): ShownIssue[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const id = `${i.where ?? ""}\u0000${i.text}`;
    return !seen.has(id) && seen.add(id);
  });
}
