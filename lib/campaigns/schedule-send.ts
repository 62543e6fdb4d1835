import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { getDraft } from "@/db/queries/drafts";
import type { ScheduleRow } from "@/db/queries/schedules";
import { HttpError, zodDetails } from "@/lib/platform/http/errors";
import type { SendBody } from "@/lib/sends/send-schemas";
import { parseScheduledRequest } from "./schedule-schemas";

// The send a schedule stands for, checked as POST /api/messages/<kind> checks it: when it is scheduled
// or changed (a bad send is refused then, with LINE-style details), and again at each start (a draft
// read then, a segment resolved to whoever it matches then).

type Kind = ScheduleRow["kind"];

/** The body to send: the schedule's own, or its draft's as the draft is now. */
export async function scheduledBody(db: Db, params: { channelId: number; kind: Kind; request: unknown; draftId: string | null }): Promise<SendBody> {
  if (!params.draftId) return parseOrRefuse(params.kind, params.request, "request");
  const draft = await getDraft(db, { channelId: params.channelId, id: params.draftId });
  if (!draft) {
    throw new HttpError(400, "draft_not_found", "draftId: no such draft (it was deleted?)", [
      { property: "draftId", message: "no such draft", key: "validation.draftNotFound" },
    ]);
  }
  if (draft.kind !== params.kind) {
    throw new HttpError(400, "draft_kind", `draftId: the draft is a ${draft.kind}, not a ${params.kind}`, [
      { property: "draftId", message: `the draft is a ${draft.kind}`, key: "validation.draftKind", values: { kind: draft.kind } },
    ]);
  }
  return parseOrRefuse(params.kind, draft.body, "draft");
}

/** A short name for a send without a title: the start of its first message. */
export function summarizeSend(body: SendBody): string {
  const first = body.messages[0] as { type: string; text?: string; altText?: string } | undefined;
  if (!first) return "";
  const text = (first.text ?? first.altText ?? "").replace(/\s+/g, " ").trim();
  if (text) return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return first.type.charAt(0).toUpperCase() + first.type.slice(1);
}

// Problems are named where they are: under request (the body given) or draft (the saved draft's body).
function parseOrRefuse(kind: Kind, body: unknown, where: "request" | "draft"): SendBody {
  try {
    return parseScheduledRequest(kind, body);
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    const details = zodDetails(err).map((d) => ({ ...d, property: d.property.replace(/^request/, where) }));
    throw new HttpError(
      400,
      "invalid_request",
      `The ${where === "draft" ? "draft" : "request"} has ${details.length} error(s): ${details.map((d) => `${d.property}: ${d.message}`).join("; ")}`,
      details,
    );
  }
}
