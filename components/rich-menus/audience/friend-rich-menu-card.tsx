"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link2, Link2Off, PanelBottom } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { ErrorAlert, ErrorMessage } from "@/components/common/error-message";
import { RelativeTime } from "@/components/common/relative-time";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { friendRichMenuQuery, unlinkFriendRichMenu } from "@/lib/client/rich-menu-links";
import { richMenuKeys } from "@/lib/client/rich-menus";
import { LinkMenuDialog } from "./link-menu-dialog";

/**
 * "Which menu does this friend see, and why?": the menu linked to them, else the default set through
 * the API, else none the API can see (LINE Official Account Manager's default may be shown).
 */
export function FriendRichMenuCard({ userId, canEdit }: { userId: string; canEdit: boolean }) {
  const t = useTranslations("contacts.richMenu");
  const queryClient = useQueryClient();
  const seen = useQuery(friendRichMenuQuery(userId));
  const [linking, setLinking] = useState(false);
  const [unlinking, setUnlinking] = useState(false);
  const unlink = useMutation({
    mutationFn: () => unlinkFriendRichMenu(userId),
    onSuccess: () => {
      setUnlinking(false);
      void queryClient.invalidateQueries({ queryKey: richMenuKeys.all });
    },
  });
  const data = seen.data;
  const name = data?.richMenu?.name ?? (data?.lineRichMenuId ? t("unknownMenu", { id: data.lineRichMenuId }) : null);
  return (
    <section className="space-y-2" aria-labelledby="friend-rich-menu-title" data-testid="friend-rich-menu" data-source={data?.source}>
      <h2 id="friend-rich-menu-title" className="flex items-center gap-1.5 text-xs font-medium tracking-wide text-subtle-foreground uppercase">
        <PanelBottom aria-hidden className="size-3.5" />
        {t("title")}
      </h2>
      {seen.isPending ? (
        <Skeleton className="h-12 w-full" />
      ) : seen.isError ? (
        <ErrorAlert error={seen.error} />
      ) : (
        <div className="space-y-2 rounded-lg border border-border p-3 text-sm">
          {data!.source === "none" ? (
            <p className="text-muted-foreground">{t("none")}</p>
          ) : (
            <>
              <p className="font-medium break-words">
                {data!.richMenu ? (
                  <Link href={`/rich-menus/${data!.richMenu.id}`} className="underline-offset-2 hover:underline">
                    {name}
                  </Link>
                ) : (
                  name
                )}
              </p>
              <p className="text-xs text-muted-foreground">
                {data!.source === "user" ? (
                  <>
                    {t("why.user")}
                    {data!.linkedAt && (
                      <>
                        {" · "}
                        {t("since")} <RelativeTime value={data!.linkedAt} />
                      </>
                    )}
                  </>
                ) : (
                  t("why.default")
                )}
              </p>
            </>
          )}
          {canEdit && (
            <div className="flex flex-wrap gap-2 pt-1">
              <Button size="xs" onClick={() => setLinking(true)} data-testid="friend-rich-menu-link">
                <Link2 aria-hidden />
                {data!.source === "user" ? t("linkAnother") : t("link")}
              </Button>
              {data!.source === "user" && (
                <Button size="xs" variant="subtle" onClick={() => setUnlinking(true)} data-testid="friend-rich-menu-unlink">
                  <Link2Off aria-hidden />
                  {t("unlink")}
                </Button>
              )}
            </div>
          )}
        </div>
      )}
      {canEdit && (
        <LinkMenuDialog userId={userId} open={linking} onOpenChange={setLinking} currentId={data?.source === "user" ? (data.richMenu?.id ?? null) : null} />
      )}
      <ConfirmDialog
        open={unlinking}
        onOpenChange={setUnlinking}
        title={t("unlinkTitle")}
        description={t("unlinkBody")}
        confirmLabel={t("unlink")}
        cancelLabel={t("cancel")}
        pending={unlink.isPending}
        error={unlink.isError ? <ErrorMessage error={unlink.error} /> : undefined}
        onConfirm={() => unlink.mutate()}
      />
    </section>
  );
}
