"use client";

import { useTranslations } from "next-intl";
import { createContext, use } from "react";
import { issuesUnder, type FieldIssue, type IssueMap } from "@/lib/composer/issues";

// The composer's problems, by dotted path: every field reads its own from here, so the shared zod
// schemas and LINE's 400 details show next to the field they are about.
const IssuesContext = createContext<IssueMap>(new Map());

export const IssuesProvider = IssuesContext;

export function useIssues(): IssueMap {
  return use(IssuesContext);
}

/** Translated messages for exactly this path (or, with `deep`, anything below it). */
export function useFieldIssues(path: string, deep = false): string[] {
  const map = use(IssuesContext);
  const translate = useTranslateIssue();
  const issues = deep ? issuesUnder(map, path) : (map.get(path) ?? []);
  return [...new Set(issues.map(translate))];
}

export function useTranslateIssue() {
  const t = useTranslations("validation");
  return (issue: FieldIssue) => (issue.key && t.has(issue.key) ? t(issue.key, issue.values) : issue.message);
}
