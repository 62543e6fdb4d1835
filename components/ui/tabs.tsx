"use client";

import { cn } from "@/lib/utils/cn";

interface TabsProps<V extends string> {
  value: V;
  onValueChange: (value: V) => void;
  items: ReadonlyArray<{ value: V; label: React.ReactNode; count?: React.ReactNode }>;
  label: string;
  className?: string;
  size?: "sm" | "md";
}

/** Segmented tabs (WAI-ARIA tabs with automatic activation): arrow keys move and select. */
export function Tabs<V extends string>({ value, onValueChange, items, label, className, size = "md" }: TabsProps<V>) {
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const index = items.findIndex((i) => i.value === value);
    const next = e.key === "ArrowRight" ? index + 1 : e.key === "ArrowLeft" ? index - 1 : e.key === "Home" ? 0 : e.key === "End" ? items.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const item = items[(next + items.length) % items.length]!;
    onValueChange(item.value);
    e.currentTarget.querySelector<HTMLElement>(`[data-value="${item.value}"]`)?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label={label}
      data-slot="tabs"
      onKeyDown={onKeyDown}
      className={cn("inline-flex items-center gap-0.5 rounded-lg border border-border bg-muted p-0.5", className)}
    >
      {items.map((item) => {
        const selected = item.value === value;
        return (
          <button
            key={item.value}
            type="button"
            role="tab"
            data-value={item.value}
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            onClick={() => onValueChange(item.value)}
            className={cn(
              "inline-flex items-center gap-1.5 rounded-md font-medium whitespace-nowrap transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
              size === "sm" ? "h-6 px-2 text-xs" : "h-7 px-2.5 text-sm",
              selected ? "bg-surface-raised text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground",
            )}
          >
            {item.label}
            {item.count !== undefined && <span className="tabular text-xs text-subtle-foreground">{item.count}</span>}
          </button>
        );
      })}
    </div>
  );
}
