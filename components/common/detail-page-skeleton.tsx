import { PageContainer } from "@/components/common/page-header";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

export function DetailPageSkeleton() {
  return (
    <PageContainer className="space-y-5">
      <Skeleton className="h-7 w-48" />
      <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="space-y-3 p-4">
          {Array.from({ length: 10 }, (_, i) => (
            <Skeleton key={i} className="h-4" style={{ width: `${50 + ((i * 17) % 45)}%` }} />
          ))}
        </Card>
        <Card className="space-y-3 p-4">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-24 w-full" />
        </Card>
      </div>
    </PageContainer>
  );
}
