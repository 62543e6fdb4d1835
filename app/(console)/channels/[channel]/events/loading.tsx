import { EventListSkeleton } from "@/components/events/event-list";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="flex h-full flex-col">
      <div className="space-y-2 px-4 pt-6 pb-4 md:px-6">
        <Skeleton className="h-7 w-32" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="flex flex-wrap gap-2 border-b border-border bg-surface px-4 py-3 md:px-6">
        <Skeleton className="h-8 w-72" />
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-36" />
        ))}
      </div>
      <EventListSkeleton />
    </div>
  );
}
