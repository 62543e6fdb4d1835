import { PageContainer } from "@/components/common/page-header";
import { OverviewSkeleton } from "@/components/overview/overview-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageContainer className="space-y-6">
      <div className="space-y-2">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-4 w-72" />
      </div>
      <OverviewSkeleton />
    </PageContainer>
  );
}
