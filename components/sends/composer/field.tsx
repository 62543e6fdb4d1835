"use client";

import { CircleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import { cn } from "@/lib/utils/cn";
import { useFieldIssues, type ShownIssue } from "./issues-context";

interface FieldProps {
  label: React.ReactNode;
  /** Dotted path of the value in the composed body, e.g. "messages.0.text". */
  path?: string;
  hint?: React.ReactNode;
  /** Characters used / allowed, shown at the right of the label. */
  count?: { used: number; max: number };
  className?: string;
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => React.ReactNode;
}

/** A labelled control with its limit counter and its problems right under it. */
export function Field({ label, path, hint, count, className, children }: FieldProps) {
  const id = useId();
  const format = useFormatter();
  const errors = useFieldIssues(path ?? "\u0000");
  const describedBy = errors.length ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={cn("min-w-0 space-y-1.5", className)}>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
          {label}
        </label>
        {count && (
          <span className={cn("tabular text-2xs", count.used > count.max ? "font-semibold text-danger" : "text-muted-foreground")} data-testid="char-count">
            {format.number(count.used)} / {format.number(count.max)}
          </span>
        )}
      </div>
      {children({ id, "aria-invalid": errors.length ? true : undefined, "aria-describedby": describedBy })}
      {errors.length > 0 ? (
        <FieldErrors id={`${id}-error`} errors={errors} />
      ) : hint ? (
        <p id={`${id}-hint`} className="text-2xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Problems under a field: ours in the operator's language; LINE's as LINE wrote them, marked English. */
export function FieldErrors({ id, errors, className }: { id?: string; errors: ReadonlyArray<string | ShownIssue>; className?: string }) {
  const t = useTranslations("errors");
  if (!errors.length) return null;
  return (
    // The live region wraps the list: role="alert" on the <ul> itself would take away its list semantics.
    <div id={id} role="alert" className={className}>
      <ul className="space-y-0.5">
        {errors.map((e) => {
          const issue = typeof e === "string" ? { text: e } : e;
          return (
            <li key={`${issue.where ?? ""}:${issue.text}`} className="flex items-start gap-1 text-xs text-danger">
              <CircleAlert aria-hidden className="mt-0.5 size-3 shrink-0" />
              <span className="min-w-0 break-words">
                {issue.where && <span className="font-mono">{issue.where}: </span>}
                {issue.fromLine ? (
                  <>
                    {t("lineSaid")} <q lang="en">{issue.text}</q>
                  </>
                ) : (
                  issue.text
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Errors at a path that has no single input of its own (a list, a whole message). */
export function PathErrors({ path, className }: { path: string; className?: string }) {
  const errors = useFieldIssues(path);
  return <FieldErrors errors={errors} className={className} />;
}
