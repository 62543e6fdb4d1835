"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link2, Link2Off } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { ErrorAlert } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { useToast } from "@/components/ui/toaster";
import { linkRichMenu, richMenuKeys, unlinkRichMenus, type LinkTarget } from "@/lib/client/rich-menus";
import { segmentListQuery } from "@/lib/client/segments";
import { parseRecipientList } from "@/lib/sends/composer/recipient-list";
import { FriendPicker, type PickedFriend } from "./friend-picker";

type Kind = "friend" | "list" | "segment";
/** The API takes at most this many pasted user ids a run (a larger audience is a segment). */
const MAX_LISTED = 5000;

/**
 * Link this menu to one friend, a pasted list or a saved segment — or unlink those friends from
 * whatever menu they have. Either starts a run (LINE's bulk link, 500 friends a request) shown below.
 */
export function LinkForm({ richMenuId, linkable }: { richMenuId: string; linkable: boolean }) {
  const t = useTranslations("richMenus.audience.target");
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>("segment");
  const [friend, setFriend] = useState<PickedFriend | null>(null);
  const [text, setText] = useState("");
  const [segmentId, setSegmentId] = useState("");
  const parsed = useMemo(() => parseRecipientList(text), [text]);
  const segments = useQuery({ ...segmentListQuery(), enabled: kind === "segment" });
  const segment = segments.data?.items.find((s) => s.id === segmentId) ?? null;

  const target: LinkTarget | null =
    kind === "friend"
      ? friend && { kind: "friends", userIds: [friend.userId] }
      : kind === "list"
        ? parsed.ids.length > 0 && parsed.ids.length <= MAX_LISTED && parsed.errors.length === 0
          ? { kind: "friends", userIds: parsed.ids }
          : null
        : segmentId
          ? { kind: "segment", segmentId }
          : null;

  const run = useMutation({
    mutationFn: ({ action, target }: { action: "link" | "unlink"; target: LinkTarget }) =>
      action === "link" ? linkRichMenu(richMenuId, target) : unlinkRichMenus(target),
    onSuccess: (_, { action }) => {
      toast({ tone: "success", title: t(action === "link" ? "linkStarted" : "unlinkStarted") });
      void queryClient.invalidateQueries({ queryKey: richMenuKeys.linkRuns(richMenuId) });
    },
  });

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        <ToggleGroup
          label={t("kindLabel")}
          value={kind}
          onValueChange={setKind}
          items={[
            { value: "segment", label: t("kind.segment") },
            { value: "list", label: t("kind.list") },
            { value: "friend", label: t("kind.friend") },
          ]}
        />
        {kind === "friend" && <FriendPicker value={friend} onChange={setFriend} />}
        {kind === "list" && (
          <div className="space-y-1.5">
            <label htmlFor="rich-menu-link-ids" className="block text-xs font-medium text-muted-foreground">
              {t("listLabel")}
            </label>
            <Textarea
              id="rich-menu-link-ids"
              rows={5}
              spellCheck={false}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t("listPlaceholder")}
              aria-invalid={parsed.errors.length ? true : undefined}
              aria-describedby="rich-menu-link-ids-summary"
              className="resize-y font-mono text-xs leading-5"
            />
            <p id="rich-menu-link-ids-summary" className="text-sm" data-testid="link-list-summary">
              {t("listCount", { count: parsed.ids.length })}
              {parsed.errors.length > 0 && (
                <span className="ml-1.5 text-danger">{t("listProblems", { count: parsed.errors.length, line: parsed.errors[0]!.line })}</span>
              )}
              {parsed.ids.length > MAX_LISTED && <span className="ml-1.5 text-danger">{t("listTooMany", { max: MAX_LISTED })}</span>}
            </p>
          </div>
        )}
        {kind === "segment" && (
          <div className="space-y-1.5">
            <label htmlFor="rich-menu-link-segment" className="block text-xs font-medium text-muted-foreground">
              {t("segmentLabel")}
            </label>
            <Select id="rich-menu-link-segment" value={segmentId} onChange={(e) => setSegmentId(e.target.value)} className="w-full max-w-md">
              <option value="">{segments.isPending ? "…" : t("segmentNone")}</option>
              {segments.data?.items.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
            {segment && (
              <p className="text-sm text-muted-foreground" data-testid="link-segment-size">
                {segment.size === null ? t("segmentNotCounted") : t("segmentSize", { count: segment.size })} · {t("segmentFixed")}
              </p>
            )}
            {segments.isError && <ErrorAlert error={segments.error} />}
          </div>
        )}
        {run.isError && <ErrorAlert error={run.error} />}
        <div className="flex flex-wrap gap-2">
          <Button
            variant="primary"
            disabled={!target || !linkable || run.isPending}
            onClick={() => target && run.mutate({ action: "link", target })}
            data-testid="link-start"
          >
            <Link2 aria-hidden />
            {t("link")}
          </Button>
          <Button disabled={!target || run.isPending} onClick={() => target && run.mutate({ action: "unlink", target })} data-testid="unlink-start">
            <Link2Off aria-hidden />
            {t("unlink")}
          </Button>
        </div>
        <p className="text-xs text-muted-foreground">{t("unlinkNote")}</p>
      </CardContent>
    </Card>
  );
}
