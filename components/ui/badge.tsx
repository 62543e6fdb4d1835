import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "@/lib/utils/cn";

export const badgeVariants = cva(
  "inline-flex max-w-full shrink-0 items-center gap-1 rounded-md border font-medium whitespace-nowrap [&_svg]:size-3 [&_svg]:shrink-0",
  {
    variants: {
      tone: {
        neutral: "border-border bg-muted text-muted-foreground",
        outline: "border-border-strong bg-transparent text-muted-foreground",
        primary: "border-transparent bg-primary-soft text-primary-soft-foreground",
        success: "border-transparent bg-success-soft text-success-soft-foreground",
        warning: "border-transparent bg-warning-soft text-warning-soft-foreground",
        danger: "border-transparent bg-danger-soft text-danger-soft-foreground",
        info: "border-transparent bg-info-soft text-info-soft-foreground",
        message: "border-transparent bg-family-message-soft text-family-message",
        social: "border-transparent bg-family-social-soft text-family-social",
        action: "border-transparent bg-family-action-soft text-family-action",
        account: "border-transparent bg-family-account-soft text-family-account",
        system: "border-transparent bg-family-system-soft text-family-system",
        unknown: "border-dashed border-border-strong bg-transparent text-muted-foreground",
      },
      size: {
        sm: "h-5 px-1.5 text-2xs",
        md: "h-6 px-2 text-xs",
      },
    },
    defaultVariants: { tone: "neutral", size: "sm" },
  },
);

export type BadgeTone = NonNullable<VariantProps<typeof badgeVariants>["tone"]>;

export function Badge({ className, tone, size, ...props }: React.ComponentProps<"span"> & VariantProps<typeof badgeVariants>) {
  return <span data-slot="badge" className={cn(badgeVariants({ tone, size }), className)} {...props} />;
}

/** A small coloured dot, for status next to text. */
export function StatusDot({
  tone = "neutral",
  pulse = false,
  className,
}: {
  tone?: "neutral" | "success" | "warning" | "danger";
  pulse?: boolean;
  className?: string;
}) {
  const colour = { neutral: "bg-subtle-foreground", success: "bg-success", warning: "bg-warning", danger: "bg-danger" }[tone];
  return (
    <span data-slot="status-dot" aria-hidden className={cn("relative inline-flex size-2 shrink-0", className)}>
      {pulse && <span className={cn("absolute inset-0 animate-ping rounded-full opacity-60", colour)} />}
      <span className={cn("relative size-2 rounded-full", colour)} />
    </span>
  );
}
