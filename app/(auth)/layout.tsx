import { getTranslations } from "next-intl/server";
import { BrandMark } from "@/components/layout/brand";

// Sign-in, first-run set-up and invitations: a centred card, no console chrome.
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("common");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-background px-4 py-10">
      <div className="mb-6 flex items-center gap-2.5">
        <BrandMark className="size-9" />
        <span className="text-lg font-semibold tracking-tight text-foreground">{t("appName")}</span>
      </div>
      <div className="w-full max-w-sm">{children}</div>
    </main>
  );
}
