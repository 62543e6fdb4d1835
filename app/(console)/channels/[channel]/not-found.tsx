import { Compass } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { PageContainer } from "@/components/common/page-header";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <PageContainer>
      <EmptyState
        icon={<Compass />}
        title={t("notFoundTitle")}
        description={t("notFoundDescription")}
        action={
          <Link href="/" className={buttonVariants({ variant: "secondary" })}>
            {t("goToOverview")}
          </Link>
        }
      />
    </PageContainer>
  );
}
