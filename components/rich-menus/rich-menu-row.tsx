"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Star, StarOff, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { ErrorMessage } from "@/components/common/error-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toaster";
import { clearDefaultRichMenu, deleteRichMenu, isRichMenuDefaultRefusal, richMenuKeys, setDefaultRichMenu, type RichMenu } from "@/lib/client/rich-menus";
import { RichMenuStatusBadge } from "./rich-menu-status";

/** One menu in the list: its image, name, chat bar text, status, alias, linked friends, and its actions. */
export function RichMenuRow({ menu, canEdit }: { menu: RichMenu; canEdit: boolean }) {
  const t = useTranslations("richMenus.list");
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [confirming, setConfirming] = useState(false);
  const done = (title: string) => {
    void queryClient.invalidateQueries({ queryKey: richMenuKeys.all });
    toast({ tone: "success", title, description: menu.name });
  };
  const setDefault = useMutation({
    mutationFn: () => (menu.isDefault ? clearDefaultRichMenu() : setDefaultRichMenu(menu.id)),
    onSuccess: () => done(menu.isDefault ? t("defaultClearedToast") : t("defaultSetToast")),
    onError: (error) => toast({ tone: "danger", title: t("defaultFailed"), description: <ErrorMessage error={error} /> }),
  });
  const remove = useMutation({
    // The default needs the confirmation's force: the dialog already said it stops being the default.
    mutationFn: () => deleteRichMenu(menu.id, menu.isDefault),
    onSuccess: () => {
      setConfirming(false);
      done(t("deletedToast"));
    },
  });
  const published = menu.hasImage && menu.lineRichMenuId;

  return (
    <li className="flex flex-wrap items-center gap-4 border-b border-border px-4 py-3 last:border-0" data-testid="rich-menu-row">
      <Link
        href={`/rich-menus/${menu.id}`}
        className="shrink-0 rounded focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        tabIndex={-1}
        aria-hidden
      >
        {menu.imageUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- our own image route, a small thumbnail
          <img src={menu.imageUrl} alt="" className="h-14 w-24 rounded border border-border bg-muted object-contain" />
        ) : (
          <span className="flex h-14 w-24 items-center justify-center rounded border border-dashed border-border-strong text-2xs text-muted-foreground">
            {t("noImage")}
          </span>
        )}
      </Link>
      <div className="min-w-0 flex-1 space-y-1">
        <Link
          href={`/rich-menus/${menu.id}`}
          className="block truncate text-sm font-medium hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          {menu.name}
        </Link>
        <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
          <RichMenuStatusBadge menu={menu} />
          <span>{t("chatBar", { text: menu.chatBarText })}</span>
          {menu.aliasId && <Badge tone="outline">{t("alias", { alias: menu.aliasId })}</Badge>}
          {menu.origin === "line" && <Badge tone="info">{t("fromLine")}</Badge>}
          <span>{t("linked", { count: menu.linkedCount })}</span>
        </div>
      </div>
      {canEdit && (
        <div className="flex items-center gap-1.5">
          <Button
            size="sm"
            variant="subtle"
            onClick={() => setDefault.mutate()}
            disabled={setDefault.isPending || (!menu.isDefault && !published)}
            title={!menu.isDefault && !published ? t("defaultNeedsPublish") : undefined}
          >
            {menu.isDefault ? <StarOff aria-hidden /> : <Star aria-hidden />}
            {menu.isDefault ? t("clearDefault") : t("setDefault")}
            <span className="sr-only"> {t("forMenu", { name: menu.name })}</span>
          </Button>
          <Button size="sm" variant="subtle" onClick={() => (remove.reset(), setConfirming(true))} aria-label={t("deleteLabel", { name: menu.name })}>
            <Trash2 aria-hidden />
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t("deleteTitle")}
        description={menu.isDefault ? t("deleteDefaultDescription") : menu.lineRichMenuId ? t("deletePublishedDescription") : t("deleteDescription")}
        confirmLabel={t("deleteConfirm")}
        cancelLabel={t("cancel")}
        pending={remove.isPending}
        error={isRichMenuDefaultRefusal(remove.error) ? t("becameDefault") : remove.error ? <ErrorMessage error={remove.error} /> : null}
        onConfirm={() => remove.mutate()}
      >
        <p className="rounded-md bg-muted px-3 py-2 text-sm font-medium">{menu.name}</p>
      </ConfirmDialog>
    </li>
  );
}
