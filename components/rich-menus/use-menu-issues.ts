"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { richMenuAliasId, richMenuBodySchema, type RichMenuBody } from "@/lib/rich-menus/rich-menu-schema";
import { issuesFromZod, type FieldIssue, type IssueMap } from "@/lib/sends/composer/issues";

// Validation as the operator types: the shared schema's issues by dotted path ("areas.0.action.data"),
// each in the operator's language (the catalogues' validation namespace).

export function useMenuIssues(body: RichMenuBody, aliasId: string): IssueMap {
  return useMemo(() => {
    const parsed = richMenuBodySchema.safeParse(body);
    const map: IssueMap = parsed.success ? new Map() : issuesFromZod(parsed.error);
    if (aliasId) {
      const alias = richMenuAliasId.safeParse(aliasId);
      if (!alias.success) map.set("aliasId", [...issuesFromZod(alias.error).values()].flat());
    }
    return map;
  }, [body, aliasId]);
}

export function useIssueText(): (issue: FieldIssue) => string {
  const t = useTranslations();
  return useCallback(
    (issue: FieldIssue) => {
      if (!issue.key) return issue.message;
      // The server's details name their key with the namespace (validation.x), ours without (x).
      const key = `validation.${issue.key.replace(/^validation\./, "")}`;
      return t.has(key) ? t(key, issue.values) : issue.message;
    },
    [t],
  );
}

/** The messages at exactly one path, translated (first only: one reason a field is wrong is enough). */
export function fieldError(map: IssueMap, path: string, text: (i: FieldIssue) => string): string | null {
  const first = map.get(path)?.[0];
  return first ? text(first) : null;
}
