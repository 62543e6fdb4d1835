"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { richMenuAliasId, richMenuBodySchema, type RichMenuBody } from "@/lib/rich-menus/rich-menu-schema";
import { issuesFromZod, type FieldIssue, type IssueMap } from "@/lib/sends/composer/issues";

// Validation as the operator types: the shared schema's issues by dotted path ("areas.0.action.data"),
// each in the operator's language. Our own keys live under "richMenus.", the generic ones under "validation.".

export function useMenuIssues(body: RichMenuBody, aliasId: string): IssueMap {
  return useMemo(() => {
    const parsed = richMenuBodySchema.safeParse(body);
    const map: IssueMap = parsed.success ? new Map() : issuesFromZod(parsed.error);
    // The alias's regex keeps only its message (zod drops a regex check's params): name it here.
    if (aliasId && !richMenuAliasId.safeParse(aliasId).success) map.set("aliasId", [{ key: "richMenus.validation.alias", message: "alias" }]);
    for (const [path, list] of map) {
      if (path.endsWith(".richMenuAliasId"))
        map.set(
          path,
          list.map((i) => (i.key === "format" ? { ...i, key: "richMenus.validation.alias" } : i)),
        );
    }
    return map;
  }, [body, aliasId]);
}

export function useIssueText(): (issue: FieldIssue) => string {
  const t = useTranslations();
  return useCallback(
    (issue: FieldIssue) => {
      if (!issue.key) return issue.message;
      const key = issue.key.startsWith("richMenus.") ? issue.key : `validation.${issue.key}`;
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
