import { LinkIcon } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";

/** A used, revoked, expired or mistyped invitation link: one answer for all (a guess learns nothing). */
export async function InvalidInvitation() {
  const t = await getTranslations("auth");
  return (
    <Card>
      <CardContent className="flex flex-col items-center pt-6 pb-6 text-center">
        <span aria-hidden className="mb-3 flex size-10 items-center justify-center rounded-xl border border-border bg-muted text-muted-foreground">
          <LinkIcon className="size-5" />
        </span>
        <h1 className="text-base font-semibold text-foreground">{t("invitationInvalidTitle")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("invitationInvalidDescription")}</p>
        <Link href="/sign-in" className={buttonVariants({ variant: "secondary", className: "mt-5" })}>
          {t("goToSignIn")}
        </Link>
      </CardContent>
    </Card>
  );
}
