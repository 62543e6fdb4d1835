"use client";

import { useQuery } from "@tanstack/react-query";
import { Info, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { DetailPageSkeleton } from "@/components/common/detail-page-skeleton";
import { ErrorState } from "@/components/common/error-state";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { Callout } from "@/components/ui/callout";
import { richMenuQuery } from "@/lib/client/rich-menus";
import { RichMenuTabs } from "../rich-menu-tabs";
import { DefaultCard } from "./default-card";
import { LinkForm } from "./link-form";
import { LinkRuns } from "./link-runs";

/**
 * Who sees this menu: the default for every friend without one of their own, or linked to one friend,
 * a list or a segment (a link overrides the default for those friends), and the runs that did it.
 */
export function AudienceView({ id, canEdit }: { id: string; canEdit: boolean }) {
  const t = useTranslations("richMenus.audience");
  const menu = useQuery(richMenuQuery(id));
  if (menu.isPending) return <DetailPageSkeleton />;
  if (menu.isError)
    return (
      <PageContainer>
        <ErrorState error={menu.error} onRetry={() => void menu.refetch()} />
      </PageContainer>
    );
  const m = menu.data.richMenu;
  // LINE refuses to apply a menu without its image ("must upload richmenu image before applying it to user").
  const linkable = m.lineRichMenuId !== null && m.hasImage;
  return (
    <PageContainer className="space-y-5">
      <PageHeader title={m.name} description={t("description")} />
      <RichMenuTabs id={m.id} />
      {!linkable && (
        <Callout tone="warning" data-testid="not-linkable">
          <TriangleAlert aria-hidden />
          <span>{t("notPublished")}</span>
        </Callout>
      )}
      {linkable && m.status === "changed" && (
        <Callout tone="info">
          <Info aria-hidden />
          <span>{t("changedNote")}</span>
        </Callout>
      )}
      <Callout tone="neutral">
        <Info aria-hidden />
        <span>{t("overrideNote")}</span>
      </Callout>
      <div className="grid items-start gap-5 lg:grid-cols-2">
        <div className="space-y-5">
          <DefaultCard menu={m} linkable={linkable} canEdit={canEdit} />
          {canEdit && <LinkForm richMenuId={m.id} linkable={linkable} />}
        </div>
        <LinkRuns richMenuId={m.id} canEdit={canEdit} />
      </div>
    </PageContainer>
  );
}
