import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/utils/cn";

// A styled native <select>: the platform's own keyboard handling, screen-reader support and mobile picker.
export function Select({ className, children, ...props }: React.ComponentProps<"select">) {
  return (
    <div data-slot="select" className={cn("relative inline-flex", className)}>
      <select
        className="h-8 w-full min-w-0 cursor-pointer appearance-none truncate rounded-md border border-input bg-surface pr-7 pl-2.5 text-sm text-foreground shadow-xs transition-colors hover:border-border-strong focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/30 focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-50 data-[active=true]:border-primary/60 data-[active=true]:bg-primary-soft/40"
        {...props}
      >
        {children}
      </select>
      <ChevronDown aria-hidden className="pointer-events-none absolute top-1/2 right-2 size-3.5 -translate-y-1/2 text-subtle-foreground" />
    </div>
  );
}
