"use client";

import { CircleAlert, RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { PageContainer } from "@/components/common/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("common");
  useEffect(() => console.error(error), [error]);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <PageContainer>
      <EmptyState
        tone="danger"
        icon={<CircleAlert />}
        title={t("errorTitle")}
        description={
          <>
            <p>{t("errorDescription")}</p>
            {digest && <p className="mt-2 font-mono text-xs text-subtle-foreground">{digest}</p>}
          </>
        }
        action={
          <Button onClick={retry}>
            <RotateCw aria-hidden />
            {t("tryAgain")}
          </Button>
        }
      />
    </PageContainer>
  );
}
