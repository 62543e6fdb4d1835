import { cn } from "@/lib/utils/cn";

export function Kbd({ className, ...props }: React.ComponentProps<"kbd">) {
  return (
    <kbd
      data-slot="kbd"
      className={cn(
        "inline-flex h-5 min-w-5 items-center justify-center rounded border border-border-strong bg-surface px-1 font-sans text-2xs font-medium text-muted-foreground shadow-[0_1px_0_var(--border-strong)]",
        className,
      )}
      {...props}
    />
  );
}
