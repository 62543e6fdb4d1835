import { getTranslations } from "next-intl/server";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";

// Every settings page shares the title and the tabs; each page checks its own role.
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("settings");
  return (
    <PageContainer className="space-y-5">
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsNav />
      {children}
    </PageContainer>
  );
}
