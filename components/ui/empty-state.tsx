import { cn } from "@/lib/utils/cn";

interface EmptyStateProps {
  icon?: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  action?: React.ReactNode;
  tone?: "neutral" | "danger";
  className?: string;
}

/** What a list or page shows instead of nothing: an icon, one sentence of why, and what to do next. */
export function EmptyState({ icon, title, description, action, tone = "neutral", className }: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      role={tone === "danger" ? "alert" : undefined}
      className={cn("flex flex-col items-center justify-center px-6 py-14 text-center", className)}
    >
      {icon && (
        <div
          className={cn(
            "mb-4 flex size-11 items-center justify-center rounded-xl border [&_svg]:size-5",
            tone === "danger" ? "border-danger/20 bg-danger-soft text-danger-soft-foreground" : "border-border bg-muted text-muted-foreground",
          )}
        >
          {icon}
        </div>
      )}
      <h3 className="text-base font-semibold text-foreground">{title}</h3>
      {description && <div className="mt-1 max-w-md text-sm text-muted-foreground">{description}</div>}
      {action && <div className="mt-5 flex flex-wrap items-center justify-center gap-2">{action}</div>}
    </div>
  );
}
