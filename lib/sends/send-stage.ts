// One reading of where a send is, for every place that shows it (the list's badge, the detail's
// headline, its meta line and the narrowcast stepper), so no two of them can disagree. A narrowcast
// stays "sending" in our table while LINE works on it; its progress (polled) says how far LINE is.

export type SendStage =
  /** Stored, not yet handed to LINE. */
  | "queued"
  /** Being handed to LINE (requests pending or retried). */
  | "handing_over"
  /** A narrowcast LINE accepted and is preparing (its "waiting" phase, or before the first poll). */
  | "line_waiting"
  /** A narrowcast LINE is delivering. */
  | "line_sending"
  | "sent"
  | "partial"
  | "failed";

interface SendLike {
  kind: string;
  status: string;
  progress?: unknown;
  recipientCount: number | null;
  estimatedRecipients?: number | null;
}

interface NarrowcastProgressLike {
  phase?: string;
  targetCount?: number;
  successCount?: number;
}

export function sendStage(s: SendLike): SendStage {
  if (s.status === "failed") return "failed";
  if (s.status === "partially_sent") return "partial";
  if (s.status === "sent") return "sent";
  if (s.kind === "narrowcast" && s.progress) {
    // Progress is saved only for a narrowcast LINE accepted; "unknown" means a poll failed since.
    return (s.progress as NarrowcastProgressLike).phase === "sending" ? "line_sending" : "line_waiting";
  }
  return s.status === "queued" ? "queued" : "handing_over";
}

/** How many it reaches, as far as the console can know: exact, so far out of a target, or an estimate. */
export type SendReach =
  { kind: "exact"; count: number } | { kind: "progress"; delivered: number; of: number } | { kind: "estimate"; count: number } | { kind: "unknown" };

export function sendReach(s: SendLike): SendReach {
  const stage = sendStage(s);
  const progress = (s.progress ?? null) as NarrowcastProgressLike | null;
  if (s.kind === "narrowcast" && (stage === "line_waiting" || stage === "line_sending") && typeof progress?.targetCount === "number") {
    return { kind: "progress", delivered: progress.successCount ?? 0, of: progress.targetCount };
  }
  if (s.recipientCount !== null) return { kind: "exact", count: s.recipientCount };
  if (s.estimatedRecipients != null) return { kind: "estimate", count: s.estimatedRecipients };
  return { kind: "unknown" };
}

/** The badge word of a stage (catalogue keys under sends.status). */
export function stageBadge(stage: SendStage): "queued" | "sending" | "delivering" | "sent" | "partially_sent" | "failed" {
  switch (stage) {
    case "queued":
      return "queued";
    case "handing_over":
      return "sending";
    case "line_waiting":
    case "line_sending":
      return "delivering";
    case "partial":
      return "partially_sent";
    default:
      return stage;
  }
}
