import { MessageCircle } from "lucide-react";
import { cn } from "@/lib/utils/cn";

export function BrandMark({ className }: { className?: string }) {
  return (
    <span aria-hidden className={cn("flex size-7 shrink-0 items-center justify-center rounded-lg bg-primary text-primary-foreground shadow-xs", className)}>
      <MessageCircle className="size-4" strokeWidth={2.5} fill="currentColor" fillOpacity={0.18} />
    </span>
  );
}
