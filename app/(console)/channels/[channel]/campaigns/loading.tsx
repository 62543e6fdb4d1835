import { CampaignListSkeleton } from "@/components/campaigns/campaign-list";
import { PageContainer } from "@/components/common/page-header";

export default function Loading() {
  return (
    <PageContainer>
      <CampaignListSkeleton />
    </PageContainer>
  );
}
