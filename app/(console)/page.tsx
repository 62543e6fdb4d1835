import { getTranslations } from "next-intl/server";

export default async function OverviewPage() {
  const t = await getTranslations("overview");
  return <h1>{t("title")}</h1>;
}
