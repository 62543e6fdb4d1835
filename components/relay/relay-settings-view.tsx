"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCan } from "@/components/auth/member-context";
import { ErrorMessage } from "@/components/common/error-message";
import { ErrorState } from "@/components/common/error-state";
import { TableSkeleton } from "@/components/settings/table-skeleton";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { auditKeys } from "@/lib/client/audit";
import { deleteDestination, relayDestinationsQuery, relayKeys, type RelayDestination } from "@/lib/client/relay";
import { DestinationFormDialog } from "./destination-form-dialog";
import { DestinationItem } from "./destination-item";

/** Settings › Relay: what relay does, the destinations, and (for admins) adding, changing and removing them. */
export function RelaySettingsView() {
  const t = useTranslations("relay.settings");
  const query = useQuery(relayDestinationsQuery());
  const admin = useCan("admin");
  // null: closed; "new": adding; a destination: editing it.
  const [editing, setEditing] = useState<RelayDestination | "new" | null>(null);
  const [deleting, setDeleting] = useState<RelayDestination | null>(null);
  const items = query.data?.items ?? [];

  return (
    <div className="space-y-5">
      <Card className="overflow-hidden">
        <CardHeader className="flex-wrap">
          <div className="min-w-0 max-w-3xl">
            <CardTitle>{t("title")}</CardTitle>
            <CardDescription className="text-sm">{t("intro")}</CardDescription>
          </div>
          {admin && (
            <Button variant="primary" onClick={() => setEditing("new")}>
              <Plus aria-hidden />
              {t("add")}
            </Button>
          )}
        </CardHeader>
        {query.isPending ? (
          <TableSkeleton columns={3} rows={2} />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            className="border-t border-border"
            icon={<Send />}
            title={t("emptyTitle")}
            description={admin ? t("emptyDescription") : t("emptyDescriptionViewer")}
            action={
              admin && (
                <Button onClick={() => setEditing("new")}>
                  <Plus aria-hidden />
                  {t("add")}
                </Button>
              )
            }
          />
        ) : (
          <ul aria-label={t("listLabel")} className="divide-y divide-border border-t border-border">
            {items.map((d) => (
              <DestinationItem key={d.id} destination={d} admin={admin} onEdit={() => setEditing(d)} onDelete={() => setDeleting(d)} />
            ))}
          </ul>
        )}
      </Card>
      {!admin && <p className="text-xs text-muted-foreground">{t("readOnly")}</p>}
      <DestinationFormDialog
        key={editing === null ? "closed" : editing === "new" ? "new" : editing.id}
        destination={editing === "new" || editing === null ? null : editing}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      />
      {deleting && <DeleteDestinationDialog key={deleting.id} destination={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}

function DeleteDestinationDialog({ destination, onClose }: { destination: RelayDestination; onClose: () => void }) {
  const t = useTranslations("relay.settings.deleteDialog");
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteDestination(destination.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: relayKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
      onClose();
    },
  });
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("title", { name: destination.name })}
      description={t("description")}
      confirmLabel={remove.isPending ? t("deleting") : t("confirm")}
      cancelLabel={t("cancel")}
      onConfirm={() => remove.mutate()}
      pending={remove.isPending}
      error={remove.isError ? <ErrorMessage error={remove.error} /> : undefined}
    />
  );
}
