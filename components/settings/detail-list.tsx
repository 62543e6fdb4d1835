import { cn } from "@/lib/utils/cn";

/** Label–value rows, separated by hairlines (settings cards). */
export function DetailList({ className, ...props }: React.ComponentProps<"dl">) {
  return <dl className={cn("divide-y divide-border", className)} {...props} />;
}

export function DetailRow({ label, children, className }: { label: React.ReactNode; children: React.ReactNode; className?: string }) {
  return (
    <div className={cn("flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2.5 first:pt-0 last:pb-0", className)}>
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="flex min-w-0 items-center justify-end gap-1.5 text-right text-sm">{children}</dd>
    </div>
  );
}
