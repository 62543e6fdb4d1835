import { cn } from "@/lib/utils/cn";

export const inputClassName =
  "h-8 w-full min-w-0 rounded-md border border-input bg-surface px-2.5 text-sm text-foreground shadow-xs transition-colors placeholder:text-subtle-foreground hover:border-border-strong focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/30 focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-danger aria-invalid:focus-visible:ring-danger/30";

export function Input({ className, type = "text", ...props }: React.ComponentProps<"input">) {
  return <input data-slot="input" type={type} className={cn(inputClassName, className)} {...props} />;
}

/** An input with an icon (or other adornment) inside its left edge. */
export function InputWithIcon({ icon, className, ...props }: React.ComponentProps<"input"> & { icon: React.ReactNode }) {
  return (
    <div data-slot="input-with-icon" className={cn("relative", className)}>
      <span className="pointer-events-none absolute inset-y-0 left-2.5 flex items-center text-subtle-foreground [&_svg]:size-4">{icon}</span>
      <Input className="pl-8" {...props} />
    </div>
  );
}
