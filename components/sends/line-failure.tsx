"use client";

import { useTranslations } from "next-intl";
import { lineErrorCode } from "@/lib/line/line-error-codes";
import { cn } from "@/lib/utils/cn";

/** What the console stored about a failed call to LINE (a send's error, or one attempt's). */
export interface LineFailureInfo {
  status?: number | null;
  message?: string | null;
  reason?: string | null;
  errorCode?: number | null;
}

/**
 * A failure in plain words (sends.outcome.reasons.*, narrowcastCodes.*) with LINE's own English words
 * beside it. A message is LINE's only when LINE answered (an HTTP status) or described a failed
 * narrowcast; a request that got no answer has only our network error, shown as a detail.
 */
export function LineFailure({
  error,
  lineDescription,
  compact,
  className,
}: {
  error: LineFailureInfo | null;
  lineDescription?: string | null;
  compact?: boolean;
  className?: string;
}) {
  const t = useTranslations("sends.outcome");
  const tErrors = useTranslations("errors");
  const reason = error?.reason ?? null;
  const known = reason !== null && t.has(`reasons.${reason}`);
  const code = error?.errorCode ?? null;
  const lineWords = lineDescription ?? (error?.status ? error.message : null);
  // No answer from LINE: the network error itself (a timeout, a reset) is worth seeing.
  const ownWords = !lineWords && (!known || reason === "retryable" || reason === "gave_up") ? error?.message : null;
  const explained = known || (code !== null && t.has(`narrowcastCodes.${code}`));
  return (
    <div className={cn("min-w-0 space-y-1", className)}>
      {known && <p className={compact ? "text-xs" : "text-sm"}>{t(`reasons.${reason}`)}</p>}
      {/* A reason this console version does not know (a send stored by another): still ours first. */}
      {!explained && <p className={compact ? "text-xs" : "text-sm"}>{tErrors(`codes.${error?.status ? lineErrorCode(error.status) : "unknown"}`)}</p>}
      {code !== null && t.has(`narrowcastCodes.${code}`) && (
        <p className={compact ? "text-xs" : "text-sm"}>
          <span className="font-mono text-xs text-muted-foreground">errorCode {code} · </span>
          {t(`narrowcastCodes.${code}`)}
        </p>
      )}
      {lineWords && (
        <p className="text-xs text-muted-foreground">
          <span className="font-medium">{tErrors("lineSaid")}</span>{" "}
          <q lang="en" className="font-mono break-words">
            {lineWords}
          </q>
          {error?.status ? <span className="ml-1 font-mono">(HTTP {error.status})</span> : null}
        </p>
      )}
      {ownWords && (
        <p lang="en" className="font-mono text-xs break-words text-muted-foreground">
          {ownWords}
        </p>
      )}
    </div>
  );
}
