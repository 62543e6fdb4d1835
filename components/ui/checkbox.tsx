"use client";

import { Check, Minus } from "lucide-react";
import { useCallback, useEffect, useRef } from "react";
import { cn } from "@/lib/utils/cn";

/** A native checkbox, styled; `indeterminate` for a group of which only some are ticked. */
export function Checkbox({
  className,
  indeterminate = false,
  ref: outerRef,
  ...props
}: Omit<React.ComponentProps<"input">, "type"> & { indeterminate?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  // The caller's ref too (a form focuses the box), without losing ours (indeterminate is set through it).
  const setRef = useCallback(
    (el: HTMLInputElement | null) => {
      ref.current = el;
      if (typeof outerRef === "function") outerRef(el);
      else if (outerRef) outerRef.current = el;
    },
    [outerRef],
  );
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <span data-slot="checkbox" className={cn("relative inline-flex size-4 shrink-0", className)}>
      <input
        ref={setRef}
        type="checkbox"
        className="peer size-4 cursor-pointer appearance-none rounded-sm border border-input bg-surface shadow-xs transition-colors checked:border-primary checked:bg-primary indeterminate:border-primary indeterminate:bg-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-1 focus-visible:ring-offset-background focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-50"
        {...props}
      />
      <Check aria-hidden strokeWidth={3} className="pointer-events-none absolute inset-0.5 size-3 text-primary-foreground opacity-0 peer-checked:opacity-100" />
      <Minus
        aria-hidden
        strokeWidth={3}
        className="pointer-events-none absolute inset-0.5 size-3 text-primary-foreground opacity-0 peer-indeterminate:opacity-100"
      />
    </span>
  );
}
