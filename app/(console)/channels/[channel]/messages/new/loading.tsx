import { DetailPageSkeleton } from "@/components/common/detail-page-skeleton";

export default function Loading() {
  return <DetailPageSkeleton />;
}
