import type { getSend } from "@/db/queries/sends";
import type { SendRow } from "@/db/schema/sends";
import { lineRequestBody } from "./line-request";

export function serializeSendSummary(s: SendRow) {
  return {
    id: s.id,
    kind: s.kind,
    status: s.status,
    isTest: s.isTest,
    recipientCount: s.recipientCount,
    estimatedRecipients: s.estimatedRecipients,
    chunkCount: s.chunkCount,
    author: { kind: s.authorKind, id: s.authorId, label: s.authorLabel },
    createdAt: s.createdAt.toISOString(),
    completedAt: s.completedAt?.toISOString() ?? null,
    error: s.error,
    progress: s.progress,
    messages: (s.request as { messages?: unknown[] }).messages ?? [],
    campaignId: s.campaignId,
    variant: s.variant,
    aggregationUnit: s.aggregationUnit,
  };
}

/** A send with its exact requests, each request's attempts and LINE's ids. */
export function serializeSendDetail(d: NonNullable<Awaited<ReturnType<typeof getSend>>>) {
  return {
    ...serializeSendSummary(d.send),
    request: d.send.request,
    // The first LINE request exactly as sent (a multicast sends one per 500 ids: the rest differ in `to`).
    lineRequest: {
      body: JSON.parse(JSON.stringify(lineRequestBody(d.send, { recipients: d.firstRecipients }))) as Record<string, unknown>,
      of: d.send.chunkCount,
    },
    replyToEventId: d.send.replyToEventId,
    chunks: d.chunks.map((c) => ({
      id: c.id,
      seq: c.seq,
      recipientCount: c.recipientCount,
      status: c.status,
      attempts: c.attempts,
      nextAttemptAt: c.status === "pending" ? c.nextAttemptAt.toISOString() : null,
      lineRequestId: c.lineRequestId,
      acceptedRequestId: c.acceptedRequestId,
      retryKey: c.retryKey,
      sentMessages: c.sentMessages,
      error: c.lastError,
    })),
    attempts: d.attempts.map((a) => ({
      chunkId: a.chunkId,
      attempt: a.attempt,
      startedAt: a.startedAt.toISOString(),
      durationMs: a.durationMs,
      httpStatus: a.httpStatus,
      lineRequestId: a.lineRequestId,
      acceptedRequestId: a.acceptedRequestId,
      outcome: a.outcome,
      error: a.error,
    })),
  };
}

export type SendSummary = ReturnType<typeof serializeSendSummary>;
export type SendDetail = ReturnType<typeof serializeSendDetail>;
