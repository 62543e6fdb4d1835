import { Compass } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";

// A page that does not exist outside a channel's frame (/channels/<key>/nothing-here, say).
export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-[60dvh] flex-col items-center justify-center gap-3 px-6 text-center">
      <Compass className="size-8 text-muted-foreground" />
      <h1 className="text-base font-semibold text-foreground">{t("notFoundTitle")}</h1>
      <p className="max-w-sm text-sm text-muted-foreground">{t("notFoundDescription")}</p>
      <Link href="/" className={buttonVariants({ variant: "secondary" })}>
        {t("goToOverview")}
      </Link>
    </div>
  );
}
