import { getTranslations } from "next-intl/server";
import { BrandMark } from "@/components/layout/brand";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { ThemeToggle } from "@/components/layout/theme-toggle";

// Sign-in, first-run set-up and invitations: a centred card, no console chrome. Language and theme are
// here too: whoever opens an invitation may not read the language the browser asked for.
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("common");
  return (
    <main className="relative flex min-h-dvh flex-col items-center justify-center bg-background px-4 py-14">
      <div className="absolute top-3 right-3 flex items-center gap-1">
        <LocaleSwitcher />
        <ThemeToggle />
      </div>
      <div className="mb-6 flex items-center gap-2.5">
        <BrandMark className="size-9" />
        <span className="text-lg font-semibold tracking-tight text-foreground">{t("appName")}</span>
      </div>
      <div className="w-full max-w-sm">{children}</div>
    </main>
  );
}
