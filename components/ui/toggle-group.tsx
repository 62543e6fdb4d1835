"use client";

import * as ToggleGroupPrimitive from "@radix-ui/react-toggle-group";
import { cn } from "@/lib/utils/cn";

interface ToggleGroupProps<V extends string> {
  value: V;
  onValueChange: (value: V) => void;
  items: ReadonlyArray<{ value: V; label: React.ReactNode; count?: React.ReactNode }>;
  label: string;
  className?: string;
  size?: "sm" | "md";
}

/**
 * A segmented control that picks one value (a period, a filter, a mode): Radix ToggleGroup type="single",
 * whose items are radios. Arrow keys move focus, Space/Enter pick. Not tabs: nothing here owns a panel.
 */
export function ToggleGroup<V extends string>({ value, onValueChange, items, label, className, size = "md" }: ToggleGroupProps<V>) {
  return (
    <ToggleGroupPrimitive.Root
      type="single"
      value={value}
      // A single toggle group lets the pressed item be pressed again to clear it; a picker always has a value.
      onValueChange={(v) => v && onValueChange(v as V)}
      aria-label={label}
      data-slot="toggle-group"
      className={cn("inline-flex items-center gap-0.5 rounded-lg border border-border bg-muted p-0.5", className)}
    >
      {items.map((item) => (
        <ToggleGroupPrimitive.Item
          key={item.value}
          value={item.value}
          className={cn(segmentClassName, size === "sm" ? "h-6 px-2 text-xs" : "h-7 px-2.5 text-sm")}
        >
          {item.label}
          {item.count !== undefined && <span className="tabular text-xs text-subtle-foreground">{item.count}</span>}
        </ToggleGroupPrimitive.Item>
      ))}
    </ToggleGroupPrimitive.Root>
  );
}

/** Shared with tabs.tsx so a segmented picker and a tab list look the same. */
export const segmentClassName =
  "inline-flex items-center gap-1.5 rounded-md font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none data-[state=active]:bg-surface-raised data-[state=active]:text-foreground data-[state=active]:shadow-sm data-[state=on]:bg-surface-raised data-[state=on]:text-foreground data-[state=on]:shadow-sm";
