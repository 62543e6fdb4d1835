"use client";

import { useQuery } from "@tanstack/react-query";
import { KeyRound, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { ErrorState } from "@/components/common/error-state";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { apiKeysQuery, type ApiKey } from "@/lib/client/api-keys";
import { ApiKeysTable } from "./api-keys-table";
import { CreateApiKeyDialog } from "./create-api-key-dialog";
import { RevokeApiKeyDialog } from "./revoke-api-key-dialog";
import { TableSkeleton } from "./table-skeleton";

/** Settings › API keys: keys for scripts and other systems, each with a role; shown once, revocable. */
export function ApiKeysView({ appUrl }: { appUrl: string }) {
  const t = useTranslations("settings.apiKeys");
  const tc = useTranslations("common");
  const pathname = usePathname();
  // ?create=1 (the command palette's "Create an API key") opens the dialog; the History API keeps it
  // in the browser (no server render to open or close a dialog).
  const creating = useSearchParams().get("create") === "1";
  const setCreating = (open: boolean) => window.history.replaceState(null, "", open ? `${pathname}?create=1` : pathname);
  const query = useQuery(apiKeysQuery());
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = query.data?.items ?? [];
  const live = keys.filter((k) => !k.revokedAt).length;
  const example = `curl ${appUrl}/api/events?limit=10 \\\n  -H "Authorization: Bearer oak_…"`;

  return (
    <div className="space-y-5">
      <Card className="overflow-hidden">
        <CardHeader className="flex-wrap">
          <div>
            <CardTitle>{t("title")}</CardTitle>
            <CardDescription>{query.data ? t("count", { count: live }) : t("description")}</CardDescription>
          </div>
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Plus aria-hidden />
            {t("create")}
          </Button>
        </CardHeader>
        {query.isPending ? (
          <TableSkeleton columns={6} rows={3} />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : keys.length === 0 ? (
          <EmptyState
            className="border-t border-border"
            icon={<KeyRound />}
            title={t("emptyTitle")}
            description={t("emptyDescription")}
            action={
              <Button onClick={() => setCreating(true)}>
                <Plus aria-hidden />
                {t("create")}
              </Button>
            }
          />
        ) : (
          <ApiKeysTable keys={keys} onRevoke={setRevoking} />
        )}
      </Card>

      <Card>
        <CardHeader>
          <div>
            <CardTitle>{t("usageTitle")}</CardTitle>
            <CardDescription>{t.rich("usageDescription", { code: (chunks) => <code className="font-mono text-foreground">{chunks}</code> })}</CardDescription>
          </div>
        </CardHeader>
        <div className="px-4 pb-4">
          <CodeBlock
            code={example}
            label={t("usageTitle")}
            toolbar={<CopyButton value={example} label={tc("copy")} copiedLabel={tc("copied")} />}
            title="curl"
          />
          <p className="mt-2 text-xs text-muted-foreground">{t("usageRoles")}</p>
        </div>
      </Card>

      <CreateApiKeyDialog open={creating} onOpenChange={setCreating} />
      {revoking && <RevokeApiKeyDialog key={revoking.id} apiKey={revoking} onClose={() => setRevoking(null)} />}
    </div>
  );
}
