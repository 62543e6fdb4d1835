import { KeyRound } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";

/** A used, replaced, expired or mistyped reset link: one answer for all (a guess learns nothing). */
export async function InvalidResetLink() {
  const t = await getTranslations("auth.reset");
  return (
    <Card>
      <CardContent className="flex flex-col items-center pt-6 pb-6 text-center">
        <span aria-hidden className="mb-3 flex size-10 items-center justify-center rounded-xl border border-border bg-muted text-muted-foreground">
          <KeyRound className="size-5" />
        </span>
        <h1 className="text-base font-semibold text-foreground">{t("invalidTitle")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("invalidDescription")}</p>
        <Link href="/sign-in" className={buttonVariants({ variant: "secondary", className: "mt-5" })}>
          {t("goToSignIn")}
        </Link>
      </CardContent>
    </Card>
  );
}
