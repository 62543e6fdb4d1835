import type { z } from "zod";
import { customKey } from "@/lib/line/messages/common";

/** A problem as the catalogues word it: a key under "validation." and its values. */
export interface IssueKey {
  key: string;
  values?: Record<string, string | number>;
}

/**
 * The keys zod's own issue codes map to (sizes, formats, missing fields). Custom issues bring their own
 * key instead (custom() in lib/line/messages/common.ts). Listed so the catalogue test can check every one.
 */
export const GENERIC_ISSUE_KEYS = [
  "required",
  "maxChars",
  "maxItems",
  "maxNumber",
  "minChars",
  "minItems",
  "minNumber",
  "wrongType",
  "format",
  "oneOf",
  "unknownProperty",
  "invalid",
] as const;
export type GenericIssueKey = (typeof GENERIC_ISSUE_KEYS)[number];

/**
 * Our wording for a zod issue. Shared by the composer (as the operator types) and the API's 400 details
 * (so a server refusal is translated too).
 */
export function issueKey(issue: z.core.$ZodIssue): IssueKey {
  const own = (issue as { params?: Record<string, unknown> }).params;
  const params = typeof own?.key === "string" ? own : customKey(issue.message);
  if (typeof params?.key === "string") {
    const { key, ...values } = params;
    return { key: key.replace(/^validation\./, ""), values: values as Record<string, string | number> };
  }
  return genericKey(issue);
}

function genericKey(issue: z.core.$ZodIssue): { key: GenericIssueKey; values?: Record<string, string | number> } {
  switch (issue.code) {
    case "too_big":
      return { key: issue.origin === "string" ? "maxChars" : issue.origin === "array" ? "maxItems" : "maxNumber", values: { maximum: Number(issue.maximum) } };
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return { key: "required" };
      return { key: issue.origin === "string" ? "minChars" : issue.origin === "array" ? "minItems" : "minNumber", values: { minimum: Number(issue.minimum) } };
    case "invalid_type":
      return { key: issue.input === undefined ? "required" : "wrongType" };
    case "invalid_format":
      return { key: "format" };
    case "invalid_value":
      return { key: "oneOf", values: { values: issue.values.map(String).join(", ") } };
    case "unrecognized_keys":
      return { key: "unknownProperty" };
    default:
      return { key: "invalid" };
  }
}
