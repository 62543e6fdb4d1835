import { Skeleton } from "@/components/ui/skeleton";

/** A table's shape while its rows load. */
export function TableSkeleton({ columns, rows = 4 }: { columns: number; rows?: number }) {
  return (
    <div aria-hidden>
      <div className="h-9 border-y border-border bg-muted/40" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-6 border-b border-border px-4 py-3.5 last:border-0">
          <Skeleton className="size-7 rounded-full" />
          <Skeleton className="h-3" style={{ width: `${18 + ((i * 23) % 20)}%` }} />
          {Array.from({ length: columns - 1 }, (_, c) => (
            <Skeleton key={c} className="h-3 w-16" />
          ))}
        </div>
      ))}
    </div>
  );
}
