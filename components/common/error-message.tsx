"use client";

import { CircleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ApiErrorDetail } from "@/lib/client/api-client";
import { describeError } from "@/lib/client/describe-error";
import { cn } from "@/lib/utils/cn";

/** Our explanation of an error in the operator's language, by the API's code (errors.codes.*). */
export function useErrorText(): (error: unknown) => string {
  const t = useTranslations("errors.codes");
  return useCallback(
    (error: unknown) => {
      const { code } = describeError(error);
      return t.has(code) ? t(code) : t("unknown");
    },
    [t],
  );
}

/** A property's problem: ours in the catalogue's words, LINE's as LINE wrote it. */
export function useDetailText(): (detail: ApiErrorDetail) => string {
  const t = useTranslations();
  return useCallback((d: ApiErrorDetail) => (d.key && t.has(d.key) ? t(d.key, d.values) : d.message), [t]);
}

interface ErrorMessageProps {
  error: unknown;
  /** Leave out the per-property list (where the fields themselves show it, as in the composer). */
  hideDetails?: boolean;
  /** Said before our explanation, e.g. "The test was not sent". */
  lead?: React.ReactNode;
  className?: string;
}

/**
 * What went wrong, for the operator: our translated explanation first, then LINE's own English words
 * when LINE said something (quoted, marked as English), then the properties that were refused.
 */
export function ErrorMessage({ error, hideDetails, lead, className }: ErrorMessageProps) {
  const t = useTranslations("errors");
  const explain = useErrorText();
  const detailText = useDetailText();
  const { code, lineMessage, message, details } = describeError(error);
  const known = t.has(`codes.${code}`);
  return (
    <div className={cn("min-w-0 space-y-1", className)} data-error-code={code}>
      <p>
        {/* Chinese and Japanese sentences follow a full stop without a space. */}
        {lead ? (
          <>
            {lead}
            {typeof lead === "string" && /[。！？]$/.test(lead) ? "" : " "}
          </>
        ) : null}
        {explain(error)}
      </p>
      {lineMessage && (
        <p className="text-xs break-words opacity-90">
          <span className="font-medium">{t("lineSaid")}</span>{" "}
          <q lang="en" className="font-mono">
            {lineMessage}
          </q>
        </p>
      )}
      {!known && message && (
        <p lang="en" className="font-mono text-xs break-words opacity-90">
          {message}
        </p>
      )}
      {!hideDetails && details.length > 0 && (
        <ul className="space-y-0.5 text-xs opacity-90">
          {details.map((d) => (
            <li key={`${d.property}:${d.message}`} className="break-words">
              <span className="font-mono">{d.property}</span>: <span lang={d.key ? undefined : "en"}>{detailText(d)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** An error as a toast's description (callable from hooks in .ts files). */
export function errorDescription(error: unknown): React.ReactNode {
  return <ErrorMessage error={error} />;
}

/** A failure next to the form or dialog it concerns: announced, in the danger colour. */
export function ErrorAlert({ className, ...props }: ErrorMessageProps) {
  return (
    <div
      role="alert"
      className={cn("flex items-start gap-2 rounded-md border border-danger/30 bg-danger-soft/50 px-3 py-2 text-sm text-danger-soft-foreground", className)}
    >
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <ErrorMessage {...props} />
    </div>
  );
}
