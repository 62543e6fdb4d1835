import { ShieldAlert } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { PageContainer } from "@/components/common/page-header";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

// A console page the member's role does not include (403), inside the console's own frame.
export default async function ConsoleForbidden() {
  const t = await getTranslations("common");
  return (
    <PageContainer>
      <EmptyState
        icon={<ShieldAlert />}
        title={t("forbiddenTitle")}
        description={t("forbiddenDescription")}
        action={
          <Link href="/" className={buttonVariants({ variant: "secondary" })}>
            {t("goToOverview")}
          </Link>
        }
      />
    </PageContainer>
  );
}
