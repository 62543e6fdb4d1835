"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, RotateCw, Save, Send, ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useCan } from "@/components/auth/member-context";
import { ErrorMessage } from "@/components/common/error-message";
import { ErrorState } from "@/components/common/error-state";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { isRichMenuConflict, richMenuKeys, richMenuListQuery, richMenuQuery, type RichMenu } from "@/lib/client/rich-menus";
import { RICH_MENU_MAX_AREAS } from "@/lib/rich-menus/rich-menu-schema";
import { AreaCanvas } from "./area-canvas";
import { AreaFields } from "./area-fields";
import { ImagePicker } from "./image-picker";
import { MenuSettings } from "./menu-settings";
import { PhonePreview, type PreviewMenu } from "./phone-preview";
import { aliasFromName, defaultAction, generateImage, layoutAreas, overlappingPairs, scaleAreas, tabbedDrafts, type DraftLabels } from "./rich-menu-layouts";
import { RichMenuStatusBadge } from "./rich-menu-status";
import { RichMenuTabs } from "./rich-menu-tabs";
import { useMenuActions, type Draft } from "./use-menu-actions";
import { CheckResult, RichMenuEditorSkeleton, TabRow } from "./editor-parts";
import { useIssueText, useMenuIssues } from "./use-menu-issues";

/** /rich-menus/new (one menu, or ?tabs=2–4 for a tabbed menu) and /rich-menus/[id]. */
export function RichMenuEditorPage({ id, tabs, aliasBase = "tabs" }: { id?: string; tabs?: number; aliasBase?: string }) {
  const query = useQuery({ ...richMenuQuery(id ?? ""), enabled: !!id });
  const t = useTranslations("richMenus.editor");
  const labels = useDraftLabels();
  if (!id) return <RichMenuEditor key="new" menu={null} initial={newDrafts(tabs, aliasBase, labels, t)} />;
  if (query.isPending) return <RichMenuEditorSkeleton />;
  if (query.isError)
    return (
      <PageContainer>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </PageContainer>
    );
  const menu = query.data.richMenu;
  return <RichMenuEditor key={`${menu.id}:${menu.version}:${menu.status}`} menu={menu} initial={[fromMenu(menu)]} />;
}

function RichMenuEditor({ menu, initial }: { menu: RichMenu | null; initial: Draft[] }) {
  const t = useTranslations("richMenus.editor");
  const queryClient = useQueryClient();
  const canEdit = useCan("operator");
  const readOnly = !canEdit || menu?.origin === "line";
  const list = useQuery(richMenuListQuery());
  const labels = useDraftLabels();
  const [drafts, setDrafts] = useState(initial);
  const [tab, setTab] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const draft = drafts[tab]!;
  const setDraft = (d: Draft) => setDrafts((all) => all.map((x, i) => (i === tab ? d : x)));
  const updateAreas = (update: (areas: Draft["body"]["areas"]) => Draft["body"]["areas"]) =>
    setDrafts((all) => all.map((d, i) => (i === tab ? { ...d, body: { ...d.body, areas: update(d.body.areas) } } : d)));
  const setAreas = (areas: Draft["body"]["areas"]) => updateAreas(() => areas);
  const issues = useMenuIssues(draft.body, draft.aliasId);
  const text = useIssueText();
  const overlaps = useMemo(() => overlappingPairs(draft.body.areas), [draft.body.areas]);
  const dirty =
    JSON.stringify(drafts.map((d) => [d.body, d.aliasId])) !== JSON.stringify(initial.map((d) => [d.body, d.aliasId])) || drafts.some((d) => d.image);
  const actions = useMenuActions({ menu, drafts, onSaved: (saved) => queryClient.setQueryData(richMenuKeys.detail(saved.id), { richMenu: saved }) });
  const invalid = new Set([...issues.keys()].flatMap((k) => (/^areas\.(\d+)\.bounds/.exec(k) ? [Number(/^areas\.(\d+)/.exec(k)![1])] : [])));
  const imageUrl = draft.image?.url ?? (menu?.imageUrl && tab === 0 ? menu.imageUrl : null);
  const menus = list.data?.richMenus ?? [];
  const siblings = menu?.tabbedMenuId ? menus.filter((m) => m.tabbedMenuId === menu.tabbedMenuId).sort((a, b) => (a.tabIndex ?? 0) - (b.tabIndex ?? 0)) : [];
  const aliases = [...new Set([...drafts.map((d) => d.aliasId), ...menus.map((m) => m.aliasId)].filter((a): a is string => !!a))];
  const busy = actions.save.isPending || actions.publish.isPending;
  const error = actions.save.error ?? actions.publish.error;

  const resolveAlias = (alias: string): PreviewMenu | null => {
    const local = drafts.find((d) => d.aliasId === alias);
    if (local) return { ...local.body, imageUrl: local.image?.url ?? (local === drafts[0] ? (menu?.imageUrl ?? null) : null) };
    const ours = menus.find((m) => m.aliasId === alias);
    return ours ? { size: ours.size, areas: ours.areas, chatBarText: ours.chatBarText, selected: true, imageUrl: ours.imageUrl } : null;
  };
  const reload = () => void queryClient.refetchQueries({ queryKey: richMenuKeys.detail(menu!.id) });
  const title = menu ? menu.name : drafts.length > 1 ? t("newTabbedTitle") : t("newTitle");

  return (
    <PageContainer className="space-y-5">
      <PageHeader
        title={title}
        description={menu ? <RichMenuStatusBadge menu={menu} /> : t("newDescription")}
        actions={
          canEdit &&
          !readOnly && (
            <>
              <Button
                size="sm"
                variant="subtle"
                onClick={() => actions.check.mutate(draft.body)}
                disabled={actions.check.isPending}
                data-testid="check-with-line"
              >
                <ShieldCheck aria-hidden />
                {t("check")}
              </Button>
              <Button size="sm" onClick={() => actions.save.mutate()} disabled={busy || (!!menu && !dirty)} data-testid="save-menu">
                <Save aria-hidden />
                {menu ? t("save") : t("create")}
              </Button>
              {menu && (
                <Button
                  size="sm"
                  variant="primary"
                  onClick={() => actions.publish.mutate(dirty)}
                  disabled={busy || (menu.status === "published" && !dirty) || !imageUrl}
                  title={imageUrl ? undefined : t("publishNeedsImage")}
                  data-testid="publish-menu"
                >
                  <Send aria-hidden />
                  {menu.status === "draft" ? t("publish") : t("publishChanges")}
                </Button>
              )}
            </>
          )
        }
      />
      {menu && <RichMenuTabs id={menu.id} />}
      {menu?.origin === "line" && <Callout tone="info">{t("importedReadOnly")}</Callout>}
      {isRichMenuConflict(error) ? (
        <Callout tone="warning" role="alert" data-testid="conflict">
          <div className="flex-1">{t("conflict")}</div>
          <Button size="sm" onClick={reload}>
            <RotateCw aria-hidden />
            {t("reload")}
          </Button>
        </Callout>
      ) : error ? (
        <Callout tone="danger" role="alert">
          <ErrorMessage error={error} />
        </Callout>
      ) : null}
      <CheckResult result={actions.check.data} error={actions.check.error} text={text} />
      {(drafts.length > 1 || siblings.length > 1) && (
        <TabRow
          labels={drafts.length > 1 ? drafts.map((d) => d.aliasId) : siblings.map((s) => s.aliasId ?? s.name)}
          active={drafts.length > 1 ? tab : siblings.findIndex((s) => s.id === menu?.id)}
          onPick={
            drafts.length > 1
              ? (i) => {
                  setTab(i);
                  setSelected(null);
                }
              : undefined
          }
          hrefs={siblings.map((s) => `/rich-menus/${s.id}`)}
        />
      )}
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_320px]">
        <div className="min-w-0 space-y-5">
          <Card>
            <CardHeader>
              <CardTitle>{t("settingsTitle")}</CardTitle>
            </CardHeader>
            <CardContent>
              <MenuSettings draft={draft} onChange={setDraft} issues={issues} text={text} readOnly={readOnly} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("imageTitle")}</CardTitle>
              <Button
                size="sm"
                onClick={() => {
                  const n = draft.body.areas.length;
                  const w = Math.round(draft.body.size.width / 4);
                  const h = Math.round(draft.body.size.height / 4);
                  setAreas([
                    ...draft.body.areas,
                    {
                      bounds: { x: Math.round((draft.body.size.width - w) / 2), y: Math.round((draft.body.size.height - h) / 2), width: w, height: h },
                      action: defaultAction(n + 1, labels),
                    },
                  ]);
                  setSelected(n);
                }}
                disabled={readOnly || draft.body.areas.length >= RICH_MENU_MAX_AREAS}
                data-testid="add-area"
              >
                <Plus aria-hidden />
                {t("addArea")}
              </Button>
            </CardHeader>
            <CardContent className="space-y-3">
              <ImagePicker
                size={draft.body.size}
                hasImage={!!imageUrl}
                fixedSize={drafts.length > 1 || !!menu?.tabbedMenuId}
                disabled={readOnly}
                onImage={(blob, pixels) => {
                  if (draft.image) URL.revokeObjectURL(draft.image.url);
                  setDraft({
                    ...draft,
                    image: { blob, url: URL.createObjectURL(blob) },
                    body: { ...draft.body, size: pixels, areas: scaleAreas(draft.body.areas, draft.body.size, pixels) },
                  });
                }}
                onLayout={(layoutId) => {
                  setDraft({ ...draft, image: null, body: { ...draft.body, ...layoutAreas(layoutId, labels) } });
                  setSelected(null);
                }}
                onGenerate={async () => {
                  const blob = await generateImage(draft.body.size, draft.body.areas, drafts.length > 1 ? tab : undefined, labels);
                  setDraft({ ...draft, image: { blob, url: URL.createObjectURL(blob) } });
                }}
              />
              <AreaCanvas
                size={draft.body.size}
                imageUrl={imageUrl}
                areas={draft.body.areas}
                selected={selected}
                onSelect={setSelected}
                onChange={updateAreas}
                invalid={invalid}
                readOnly={readOnly}
                labels={labels}
              />
              {overlaps.length > 0 && (
                <Callout tone="warning" data-testid="overlap-warning">
                  {t("overlap", { pairs: overlaps.map(([a, b]) => `${a + 1}–${b + 1}`).join(", ") })}
                </Callout>
              )}
              {issues.get("areas")?.[0] && (
                <p role="alert" className="text-xs text-danger">
                  {text(issues.get("areas")![0]!)}
                </p>
              )}
            </CardContent>
          </Card>
          <section aria-label={t("areasTitle")} className="space-y-3">
            <h2 className="text-sm font-semibold">{t("areasTitle")}</h2>
            {draft.body.areas.map((area, i) => (
              <AreaFields
                key={i}
                area={area}
                index={i}
                selected={selected === i}
                onSelect={() => setSelected(i)}
                onChange={(a) => setAreas(draft.body.areas.map((x, k) => (k === i ? a : x)))}
                onRemove={() => {
                  setAreas(draft.body.areas.filter((_, k) => k !== i));
                  setSelected(null);
                }}
                issues={issues}
                text={text}
                aliases={aliases}
                overlapsWith={overlaps.flatMap(([a, b]) => (a === i ? [b] : b === i ? [a] : []))}
                readOnly={readOnly}
              />
            ))}
          </section>
        </div>
        <aside aria-label={t("previewTitle")} className="space-y-2 lg:sticky lg:top-4 lg:self-start">
          <h2 className="text-sm font-semibold">{t("previewTitle")}</h2>
          <PhonePreview key={tab} menu={{ ...draft.body, imageUrl }} resolveAlias={resolveAlias} />
        </aside>
      </div>
    </PageContainer>
  );
}

function fromMenu(menu: RichMenu): Draft {
  return {
    body: { name: menu.name, chatBarText: menu.chatBarText, selected: menu.selected, size: menu.size, areas: menu.areas },
    aliasId: menu.aliasId ?? "",
    image: null,
  };
}

// A tabbed menu's aliases start from a base the server page picks (unique enough, and the same in the
// server render and the browser's).
function newDrafts(tabs: number | undefined, aliasBase: string, labels: DraftLabels, t: (key: "defaultName" | "defaultTabbedName") => string): Draft[] {
  if (tabs && tabs >= 2 && tabs <= 4) return tabbedDrafts(t("defaultTabbedName"), tabs, aliasFromName(aliasBase), labels).map((d) => ({ ...d, image: null }));
  return [{ body: { name: t("defaultName"), chatBarText: labels.chatBar, selected: true, ...layoutAreas("full-6", labels) }, aliasId: "", image: null }];
}

/** New areas, tabs and the chat bar named in the operator's language (the operator renames them). */
function useDraftLabels(): DraftLabels {
  const t = useTranslations("richMenus");
  return useMemo(() => ({ area: (n) => t("area.title", { n }), tab: (n) => t("editor.tabLabel", { n }), chatBar: t("preview.noChatBar") }), [t]);
}
