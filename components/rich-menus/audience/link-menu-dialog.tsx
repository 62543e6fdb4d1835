"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorAlert, ErrorMessage } from "@/components/common/error-message";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import { linkFriendRichMenu } from "@/lib/client/rich-menu-links";
import { richMenuKeys, richMenuListQuery } from "@/lib/client/rich-menus";

/** Link one friend to a menu at once (LINE's per-user link): only published menus with an image can be. */
export function LinkMenuDialog({
  userId,
  open,
  onOpenChange,
  currentId,
}: {
  userId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  currentId: string | null;
}) {
  const t = useTranslations("contacts.richMenu");
  const queryClient = useQueryClient();
  const list = useQuery({ ...richMenuListQuery(), enabled: open });
  const [chosen, setChosen] = useState("");
  const menus = (list.data?.richMenus ?? []).filter((m) => m.lineRichMenuId !== null && m.hasImage && m.id !== currentId);
  const link = useMutation({
    mutationFn: (richMenuId: string) => linkFriendRichMenu(userId, richMenuId),
    onSuccess: () => {
      onOpenChange(false);
      setChosen("");
      void queryClient.invalidateQueries({ queryKey: richMenuKeys.all });
    },
  });
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      tone="primary"
      title={t("linkTitle")}
      description={t("linkBody")}
      confirmLabel={t("link")}
      cancelLabel={t("cancel")}
      pending={link.isPending}
      error={link.isError ? <ErrorMessage error={link.error} /> : undefined}
      onConfirm={() => chosen && link.mutate(chosen)}
    >
      <label htmlFor="friend-link-menu" className="block text-xs font-medium text-muted-foreground">
        {t("menuLabel")}
      </label>
      <Select id="friend-link-menu" value={chosen} onChange={(e) => setChosen(e.target.value)} className="mt-1 w-full">
        <option value="">{list.isPending ? "…" : menus.length === 0 ? t("noMenus") : t("chooseMenu")}</option>
        {menus.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </Select>
      {list.isError && <ErrorAlert error={list.error} className="mt-2" />}
    </ConfirmDialog>
  );
}
