"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslations } from "next-intl";
import { useConsoleRouter } from "@/components/common/console-link";
import { useToast } from "@/components/ui/toaster";
import {
  createRichMenu,
  createTabbedMenu,
  publishRichMenu,
  publishTabbedMenu,
  richMenuKeys,
  richMenuQuery,
  updateRichMenu,
  uploadRichMenuImage,
  validateRichMenu,
  type RichMenu,
} from "@/lib/client/rich-menus";
import type { RichMenuBody } from "@/lib/rich-menus/rich-menu-schema";

export interface Draft {
  body: RichMenuBody;
  aliasId: string;
  /** A new image chosen or generated here, not uploaded yet. */
  image: { blob: Blob; url: string } | null;
}

/**
 * Save (create, or change at the version it was read at), publish, and check with LINE. A new image is
 * uploaded after the menu is saved (the server checks its pixel size against the menu's).
 */
export function useMenuActions({ menu, drafts, onSaved }: { menu: RichMenu | null; drafts: Draft[]; onSaved: (menu: RichMenu) => void }) {
  const t = useTranslations("richMenus.editor");
  const queryClient = useQueryClient();
  const router = useConsoleRouter();
  const { toast } = useToast();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: richMenuKeys.list() });

  // What this editor already wrote: a save whose image upload failed made (or changed) the menu, so the
  // next Save changes that menu at the version it got — not a second menu, not a 409 for its own write.
  const written = useRef<{ menu: RichMenu | null; tabs: RichMenu[] | null }>({ menu: null, tabs: null });
  const current = () => {
    const w = written.current.menu;
    return w && (!menu || (w.id === menu.id && w.version > menu.version)) ? w : menu;
  };

  const saveOne = async (): Promise<RichMenu> => {
    const draft = drafts[0]!;
    const body = { ...draft.body, aliasId: draft.aliasId || null };
    const base = current();
    let saved = base
      ? (await updateRichMenu(base.id, { ...body, tabbedMenuId: base.tabbedMenuId, tabIndex: base.tabIndex, version: base.version })).richMenu
      : (await createRichMenu(body)).richMenu;
    written.current.menu = saved;
    if (draft.image) saved = (await uploadRichMenuImage(saved.id, draft.image.blob)).richMenu ?? { ...saved, hasImage: true };
    queryClient.setQueryData(richMenuKeys.detail(saved.id), { richMenu: saved });
    return saved;
  };

  const save = useMutation({
    mutationFn: async () => {
      if (!menu && drafts.length > 1) {
        const made =
          written.current.tabs ??
          (
            await createTabbedMenu({
              name: drafts[0]!.body.name.replace(/ — \d+$/, ""),
              tabs: drafts.map((d) => ({ body: d.body, aliasId: d.aliasId })),
            })
          ).richMenus;
        written.current.tabs = made;
        await Promise.all(made.map((m, i) => (drafts[i]?.image ? uploadRichMenuImage(m.id, drafts[i].image.blob) : null)));
        return made[0]!;
      }
      return saveOne();
    },
    onSuccess: (saved) => {
      refresh();
      toast({ tone: "success", title: t("savedToast"), description: saved.name });
      if (!menu) router.replace(`/rich-menus/${saved.id}`);
      else onSaved(saved);
    },
  });

  const publish = useMutation({
    mutationFn: async (dirty: boolean) => {
      const saved = dirty || !current() ? await saveOne() : current()!;
      const { warnings } = saved.tabbedMenuId ? await publishTabbedMenu(saved.tabbedMenuId) : await publishRichMenu(saved.id);
      return { published: (await queryClient.fetchQuery({ ...richMenuQuery(saved.id), staleTime: 0 })).richMenu, warnings: warnings ?? [] };
    },
    onSuccess: ({ published, warnings }) => {
      refresh();
      if (warnings.length)
        toast({
          tone: "danger",
          title: t("publishWarningTitle"),
          description: warnings.map((w) => t(`publishWarning.${w}`)).join(" "),
          durationMs: 15_000,
        });
      else toast({ tone: "success", title: t("publishedToast"), description: published.name });
      onSaved(published);
    },
  });

  const check = useMutation({ mutationFn: (body: RichMenuBody) => validateRichMenu(body) });

  return { save, publish, check };
}
