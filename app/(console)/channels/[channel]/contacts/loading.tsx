import { PageContainer } from "@/components/common/page-header";
import { FriendTableSkeleton } from "@/components/contacts/friend-list";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageContainer className="space-y-5">
      <div className="space-y-2">
        <Skeleton className="h-7 w-32" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <Skeleton className="h-8 w-96 max-w-full" />
      <div className="flex flex-wrap gap-2">
        <Skeleton className="h-8 w-72" />
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-36" />
        ))}
      </div>
      <Card className="overflow-hidden">
        <FriendTableSkeleton />
      </Card>
    </PageContainer>
  );
}
