import { PageContainer } from "@/components/common/page-header";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageContainer className="space-y-5">
      <div className="space-y-2">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <Skeleton className="h-8 w-80" />
      <Card className="overflow-hidden">
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className="flex items-center gap-6 border-b border-border px-4 py-3.5 last:border-0">
            <Skeleton className="h-3 w-20" />
            <Skeleton className="h-5 w-10" />
            <Skeleton className="h-5 w-16" />
            <Skeleton className="h-3" style={{ width: `${20 + ((i * 19) % 30)}%` }} />
          </div>
        ))}
      </Card>
    </PageContainer>
  );
}
