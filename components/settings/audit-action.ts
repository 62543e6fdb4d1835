import type { BadgeTone } from "@/components/ui/badge";

// How an audit action looks in the log: a colour per area (the same families as the rest of the console).
export function auditActionTone(action: string): BadgeTone {
  const area = action.split(".")[0];
  switch (area) {
    case "setup":
    case "settings":
      return "warning";
    case "member":
      return "social";
    case "api_key":
      return "account";
    case "message":
    case "campaign":
    case "draft":
    case "segment":
    case "schedule":
    case "richMenu":
      return "message";
    case "session":
      return "system";
    default:
      return "neutral";
  }
}

/** The key under "audit.actions" (dots are namespace separators in the catalogues). */
export function auditActionKey(action: string): string {
  return action.replace(/\./g, "_");
}
