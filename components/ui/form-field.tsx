import { AlertCircle } from "lucide-react";

/** What a field's control needs to be named by its label and described by its error or hint. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface FormFieldProps {
  id: string;
  label: React.ReactNode;
  /** Already in the operator's language. */
  error?: string | null;
  hint?: React.ReactNode;
  /** Keep the label for screen readers only (a compact inline form whose placeholders say the same). */
  hideLabel?: boolean;
  className?: string;
  /** Renders the control with the props that tie it to its label and error. */
  children: (control: FieldControlProps) => React.ReactNode;
}

/**
 * A labelled field with its error (or hint) under it. The error is an alert, so a screen reader says it
 * when it appears after a submit; the control points at it with aria-describedby and is marked invalid.
 */
export function FormField({ id, label, error, hint, hideLabel, className, children }: FormFieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div data-slot="form-field" className={className ?? "space-y-1.5"}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-foreground"}>
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <div id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A problem with the whole form (the server refused, the network failed): announced, in the danger colour. */
export function FormError({ children }: { children: React.ReactNode }) {
  return (
    // The soft danger pair (as Callout's): text-danger on a danger tint measured 4.4:1, under WCAG's 4.5.
    <div role="alert" className="flex items-start gap-2 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger-soft-foreground">
      <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
