import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "@/lib/utils/cn";

const calloutVariants = cva("flex items-start gap-2.5 rounded-lg border px-3.5 py-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0", {
  variants: {
    tone: {
      info: "border-info-soft-foreground/20 bg-info-soft text-info-soft-foreground",
      warning: "border-warning-soft-foreground/25 bg-warning-soft text-warning-soft-foreground",
      danger: "border-danger/30 bg-danger-soft text-danger-soft-foreground",
      success: "border-success-soft-foreground/20 bg-success-soft text-success-soft-foreground",
      neutral: "border-border bg-muted/60 text-muted-foreground",
    },
  },
  defaultVariants: { tone: "neutral" },
});

/** A sentence that needs attention next to what it is about: an icon, then the text. */
export function Callout({ tone, className, ...props }: React.ComponentProps<"div"> & VariantProps<typeof calloutVariants>) {
  return <div data-slot="callout" className={cn(calloutVariants({ tone }), className)} {...props} />;
}
