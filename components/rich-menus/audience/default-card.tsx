"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Star, StarOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorAlert, ErrorMessage } from "@/components/common/error-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { clearDefaultRichMenu, richMenuKeys, setDefaultRichMenu, type RichMenu } from "@/lib/client/rich-menus";

/** The default menu: what every friend without a menu of their own sees (set through the API). */
export function DefaultCard({ menu, linkable, canEdit }: { menu: RichMenu; linkable: boolean; canEdit: boolean }) {
  const t = useTranslations("richMenus.audience.default");
  const tAudience = useTranslations("richMenus.audience");
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<"set" | "clear" | null>(null);
  const change = useMutation({
    mutationFn: (to: "set" | "clear") => (to === "set" ? setDefaultRichMenu(menu.id) : clearDefaultRichMenu()),
    onSuccess: () => {
      setConfirm(null);
      void queryClient.invalidateQueries({ queryKey: richMenuKeys.all });
    },
  });
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle className="flex items-center gap-2">
            {t("title")}
            {menu.isDefault && (
              <Badge tone="success" data-testid="is-default">
                {t("isDefault")}
              </Badge>
            )}
          </CardTitle>
          <CardDescription>{menu.isDefault ? t("descriptionDefault") : t("description")}</CardDescription>
        </div>
      </CardHeader>
      {canEdit && (
        <CardContent className="space-y-2">
          {menu.isDefault ? (
            <Button onClick={() => setConfirm("clear")} data-testid="default-clear">
              <StarOff aria-hidden />
              {t("clear")}
            </Button>
          ) : (
            <Button variant="primary" disabled={!linkable} onClick={() => setConfirm("set")} data-testid="default-set">
              <Star aria-hidden />
              {t("set")}
            </Button>
          )}
          {change.isError && !confirm && <ErrorAlert error={change.error} />}
        </CardContent>
      )}
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(o) => !o && setConfirm(null)}
        tone={confirm === "clear" ? "danger" : "primary"}
        title={confirm === "clear" ? t("clearTitle") : t("setTitle", { name: menu.name })}
        description={confirm === "clear" ? t("clearBody") : t("setBody")}
        confirmLabel={confirm === "clear" ? t("clear") : t("set")}
        cancelLabel={tAudience("cancel")}
        pending={change.isPending}
        error={change.isError ? <ErrorMessage error={change.error} /> : undefined}
        onConfirm={() => confirm && change.mutate(confirm)}
      />
    </Card>
  );
}
