import { FlaskConical } from "lucide-react";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { getTranslations } from "next-intl/server";
import { BannerTraffic } from "./banner-traffic";

/**
 * Demo mode: says plainly that nothing here reaches LINE, whether the simulated friends are writing
 * (and how to stop them), and where to play the friends' side.
 */
export async function DemoBanner({ fakeUrl }: { fakeUrl: string }) {
  const t = await getTranslations("demo");
  return (
    <div role="status" className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-warning/30 bg-warning/10 px-4 py-2 text-sm text-foreground">
      <FlaskConical className="size-4 shrink-0 text-warning" aria-hidden />
      <span className="font-medium">{t("bannerTitle")}</span>
      <span className="text-muted-foreground">{t("bannerDescription", { url: fakeUrl })}</span>
      <span className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-1">
        <BannerTraffic />
        <Link href="/simulator" className="font-medium text-primary-soft-foreground underline-offset-4 hover:underline">
          {t("openSimulator")}
        </Link>
      </span>
    </div>
  );
}
