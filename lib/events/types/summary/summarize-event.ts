import { actionSummaries } from "./summarize-action";
import { summarizeMessage } from "./summarize-message";
import { socialSummaries } from "./summarize-social";
import { systemSummaries } from "./summarize-system";
import { code, compact, obj, phrase, str, type EventSummary, type Json, type SummaryPart } from "./summary-types";

const summaries: Record<string, (e: Json) => EventSummary> = {
  message: (e) => summarizeMessage(obj(e.message)),
  messageEdited: (e) => {
    const inner = summarizeMessage(obj(e.message));
    return { icon: "edit", parts: [phrase("edited"), ...inner.parts] };
  },
  unsend: (e) => ({ icon: "unsend", parts: compact([phrase("unsend"), str(obj(e.unsend).messageId) && code(str(obj(e.unsend).messageId)!)]) }),
  ...socialSummaries,
  ...actionSummaries,
  ...systemSummaries,
};

/** One line about any webhook event, from its raw payload. Types LINE adds later get a generic line. */
export function summarizeEvent(payload: Json): EventSummary {
  const build = summaries[String(payload.type)];
  return build ? build(payload) : summarizeUnknown(payload);
}

// Fields every event has; what is left is the new type's own payload.
const BASE_FIELDS = new Set(["type", "mode", "timestamp", "source", "webhookEventId", "deliveryContext", "replyToken"]);
const PREVIEW_CHARS = 80;

function summarizeUnknown(payload: Json): EventSummary {
  const extra = Object.entries(payload).filter(([k]) => !BASE_FIELDS.has(k));
  const parts: SummaryPart[] = [phrase("unknownType", { type: str(payload.type) ?? "?" })];
  if (extra.length > 0) {
    const preview = JSON.stringify(Object.fromEntries(extra));
    parts.push(code(preview.length > PREVIEW_CHARS ? `${preview.slice(0, PREVIEW_CHARS - 1)}…` : preview));
  }
  return { icon: "unknown", parts };
}
