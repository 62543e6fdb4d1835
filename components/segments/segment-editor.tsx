"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Save, Send, UsersRound } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { useConsoleRouter } from "@/components/common/console-link";
import { useEffect, useState } from "react";
import type { z } from "zod";
import { errorDescription } from "@/components/common/error-message";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { firstError, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { FriendAvatar } from "@/components/contacts/friend-avatar";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import type { FriendItem } from "@/lib/contacts/serialize";
import { sendJson } from "@/lib/client/api-client";
import { segmentKeys, type SegmentDetail } from "@/lib/client/segments";
import { segmentBodySchema, segmentFilterSchema, type SegmentFilter } from "@/lib/segments/segment-schema";
import type { SegmentItem } from "@/lib/segments/serialize";
import { SegmentAudiences } from "./segment-audiences";
import { SegmentFilterFields } from "./segment-filter-fields";

const COUNT_DEBOUNCE_MS = 400;

/** Create or edit a segment, with its size (and a few of its friends) counted live as the conditions change. */
export function SegmentEditor({ segment, canEdit }: { segment?: SegmentDetail; canEdit: boolean }) {
  const t = useTranslations("segments.editor");
  const format = useFormatter();
  const router = useConsoleRouter();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const errorText = useFieldErrorText();
  const form = useZodForm(segmentBodySchema, { name: segment?.name ?? "", filter: segment?.filter ?? segmentFilterSchema.parse({}) });
  const { errors, isSubmitted } = form.formState;
  // Its default is the parsed filter, and setFilter keeps it whole: the output type holds.
  const filter = form.watch("filter") as SegmentFilter;
  // The conditions are not one input: checked again as they change once a save was tried.
  const setFilter = (patch: Partial<SegmentFilter>) => form.setValue("filter", { ...filter, ...patch }, { shouldValidate: isSubmitted });
  const debounced = useDebounced(filter, COUNT_DEBOUNCE_MS);
  const valid = segmentFilterSchema.safeParse(debounced);
  const live = useQuery({
    queryKey: [...segmentKeys.all, "count", debounced],
    queryFn: () => sendJson<{ size: number; sample: FriendItem[] }>("POST", "/api/segments/count", { filter: debounced }),
    enabled: valid.success,
    placeholderData: keepPreviousData,
  });

  const save = useMutation({
    mutationFn: (body: z.output<typeof segmentBodySchema>) =>
      segment ? sendJson<SegmentItem>("PATCH", `/api/segments/${segment.id}`, body) : sendJson<SegmentItem>("POST", "/api/segments", body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: segmentKeys.all });
      toast({ tone: "success", title: t("saved", { name: saved.name }) });
      // Saved is done: back to the list, where it now is (the form used to stay open as if unsaved).
      router.push("/segments");
    },
    onError: (err) => toast({ tone: "danger", title: t("saveFailed"), description: errorDescription(err) }),
  });

  const submit = form.handleSubmit((body) => save.mutate(body));
  // No status ticked is the one problem the conditions' controls allow; any other is named by its code.
  const filterError = errors.filter ? (errors.filter.statuses ? t("noStatus") : errorText(firstError(errors.filter))) : undefined;

  return (
    <PageContainer className="space-y-5">
      <Link href="/segments" className={buttonVariants({ variant: "subtle", size: "xs", className: "-ml-1" })}>
        <ArrowLeft aria-hidden />
        {t("back")}
      </Link>
      <PageHeader title={segment ? segment.name : t("newTitle")} description={t("description")} />
      <form onSubmit={(e) => void submit(e)} noValidate className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-5">
          <Card>
            <CardContent className="pt-4">
              <FormField id="segment-name" label={t("name")} error={errorText(errors.name)}>
                {(control) => <Input {...control} maxLength={80} placeholder={t("namePlaceholder")} disabled={!canEdit} {...form.register("name")} />}
              </FormField>
            </CardContent>
          </Card>
          <SegmentFilterFields filter={filter} onChange={setFilter} disabled={!canEdit} />
          {filterError && (
            <p role="alert" className="text-sm text-danger-soft-foreground">
              {filterError}
            </p>
          )}
          {/* Narrower screens: the size card sits below the form, so its number and Save stay in reach here. */}
          {canEdit && (
            <div className="sticky bottom-3 z-10 flex items-center gap-3 rounded-xl border border-border bg-surface-raised px-4 py-2.5 shadow-lg xl:hidden">
              <span className="text-xl font-semibold tabular">{live.data ? format.number(live.data.size) : "—"}</span>
              <span className="min-w-0 flex-1 truncate text-sm text-muted-foreground">{t("friendsMatch", { count: live.data?.size ?? 0 })}</span>
              <Button type="submit" variant="primary" size="sm" disabled={save.isPending}>
                <Save aria-hidden />
                {segment ? t("saveChanges") : t("create")}
              </Button>
            </div>
          )}
        </div>
        <div className="space-y-5 xl:sticky xl:top-4 xl:self-start">
          <Card>
            <CardHeader>
              <div>
                <CardTitle>{t("sizeTitle")}</CardTitle>
                <CardDescription>{t("sizeHint")}</CardDescription>
              </div>
            </CardHeader>
            <CardContent className="space-y-4">
              <p className="flex items-baseline gap-2" data-testid="segment-size" aria-live="polite">
                <span className={live.isFetching ? "text-4xl font-semibold tabular opacity-60 transition-opacity" : "text-4xl font-semibold tabular"}>
                  {live.data ? format.number(live.data.size) : "—"}
                </span>
                <span className="text-sm text-muted-foreground">{t("friendsMatch", { count: live.data?.size ?? 0 })}</span>
              </p>
              {!valid.success && <p className="text-xs text-warning-soft-foreground">{t("noStatus")}</p>}
              {live.data && live.data.sample.length > 0 && (
                <ul className="space-y-1.5">
                  {live.data.sample.map((f) => (
                    <li key={f.userId} className="flex items-center gap-2 text-sm">
                      <FriendAvatar id={f.userId} name={f.displayName} pictureUrl={f.pictureUrl} size="sm" />
                      <Link href={`/contacts/${f.userId}`} className="min-w-0 truncate hover:underline">
                        {f.displayName ?? f.userId}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              {canEdit && (
                <Button type="submit" variant="primary" className="w-full" disabled={save.isPending}>
                  <Save aria-hidden />
                  {segment ? t("saveChanges") : t("create")}
                </Button>
              )}
              {segment && (
                <Link href={`/contacts?segment=${segment.id}`} className={buttonVariants({ variant: "secondary", className: "w-full" })}>
                  <UsersRound aria-hidden />
                  {t("showFriends")}
                </Link>
              )}
              {segment && canEdit && (
                <Link href={`/messages/new?kind=multicast&segment=${segment.id}`} className={buttonVariants({ variant: "secondary", className: "w-full" })}>
                  <Send aria-hidden />
                  {t("sendMulticast")}
                </Link>
              )}
            </CardContent>
          </Card>
          {segment && <SegmentAudiences segment={segment} canEdit={canEdit} />}
        </div>
      </form>
    </PageContainer>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}
