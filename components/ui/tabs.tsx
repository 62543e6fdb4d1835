"use client";

import * as TabsPrimitive from "@radix-ui/react-tabs";
import { cn } from "@/lib/utils/cn";
import { segmentClassName } from "./toggle-group";

/** Real tabs (WAI-ARIA tabs, automatic activation): each trigger owns a TabsContent panel. For a value picker, use ToggleGroup. */
export const Tabs = TabsPrimitive.Root;

export function TabsList({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.List>) {
  return (
    <TabsPrimitive.List
      data-slot="tabs-list"
      className={cn("inline-flex items-center gap-0.5 rounded-lg border border-border bg-muted p-0.5", className)}
      {...props}
    />
  );
}

export function TabsTrigger({ className, size = "md", ...props }: React.ComponentProps<typeof TabsPrimitive.Trigger> & { size?: "sm" | "md" }) {
  return (
    <TabsPrimitive.Trigger
      data-slot="tabs-trigger"
      className={cn(segmentClassName, size === "sm" ? "h-6 px-2 text-xs" : "h-7 px-2.5 text-sm", className)}
      {...props}
    />
  );
}

export function TabsContent({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.Content>) {
  // Radix makes a panel a Tab stop (tabIndex 0): it shows focus like any other stop. Inset, as panels sit in
  // boxes that clip what overflows them.
  return (
    <TabsPrimitive.Content
      data-slot="tabs-content"
      className={cn("rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset", className)}
      {...props}
    />
  );
}
