import { ConversationSkeleton } from "@/components/contacts/conversation-view";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="flex h-full min-h-0 flex-col lg:flex-row">
      <div className="shrink-0 space-y-4 border-b border-border bg-surface p-5 lg:w-80 lg:border-r lg:border-b-0 xl:w-96">
        <Skeleton className="size-20 rounded-full" />
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-16 w-full" />
      </div>
      <div className="flex min-h-[28rem] flex-1 flex-col">
        <ConversationSkeleton />
      </div>
    </div>
  );
}
