import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "@/lib/client/api-client";

// A relay form's problems, one per field, whichever side found them: the shared zod schema as the admin
// submits, or the API's details (a URL the server refused, a name already taken). Each carries a
// catalogue key: validation.* for the schema's rules, relay.* for the server's own refusals.

export interface FormIssue {
  key: string;
  values?: Record<string, string | number>;
  message: string;
}
export type FormIssues = Record<string, FormIssue>;

// The schema counts milliseconds; the form asks for seconds.
const TIMEOUT = { key: "relay.form.timeoutRange", values: { min: 1, max: 30 } };

/** The API's field details (400, 409, 422); empty for any other failure (shown as the form's error). */
export function issuesFromApi(error: unknown): FormIssues {
  const out: FormIssues = {};
  if (!(error instanceof ApiError)) return out;
  for (const d of error.details ?? []) {
    const field = fieldOf(d.property.replace(/\[\d+\]/g, "").split("."));
    if (out[field]) continue;
    if (field === "timeoutMs") out[field] = { ...TIMEOUT, message: d.message };
    else out[field] = { key: d.key ?? "", ...(d.values ? { values: d.values } : {}), message: d.message };
  }
  return out;
}

// A replay's target is `target.url`; a destination's fields are top-level.
function fieldOf(path: string[]): string {
  return path.filter((p) => !/^\d+$/.test(p) && p !== "target").join(".") || "body";
}

/** A field's problem in the admin's language (the server's English when the catalogues have no words for it). */
export function useIssueText(): (issue: FormIssue | undefined) => string | undefined {
  const t = useTranslations();
  return useCallback((issue) => (issue ? (issue.key && t.has(issue.key) ? t(issue.key, issue.values) : issue.message) : undefined), [t]);
}
