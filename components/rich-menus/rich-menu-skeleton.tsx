import { PageContainer } from "@/components/common/page-header";
import { Skeleton } from "@/components/ui/skeleton";

// What the rich menu pages show while their code and data come. Its own small file: a route's loading
// boundary is prefetched by every page that links to it (the sidebar does), so it must not bring the
// editor (and zod) with it.
export function RichMenuPageSkeleton() {
  return (
    <PageContainer className="space-y-4" aria-busy>
      <Skeleton className="h-8 w-64" />
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-20 w-full" />
      ))}
    </PageContainer>
  );
}
