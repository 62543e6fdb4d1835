"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useConsoleRouter } from "@/components/common/console-link";
import { errorDescription } from "@/components/common/error-message";
import { useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import { ACTIVE_WINDOWS, type FriendUrlFilters } from "@/lib/contacts/friend-url-filters";
import { sendJson } from "@/lib/client/api-client";
import { segmentKeys } from "@/lib/client/segments";
import { segmentBodySchema, type SegmentFilterInput } from "@/lib/segments/segment-schema";
import type { SegmentItem } from "@/lib/segments/serialize";

/** The list's filters as a segment filter (a name search has no segment equivalent). */
export function segmentFilterFromList(f: FriendUrlFilters): SegmentFilterInput {
  return {
    statuses: f.status ? [f.status] : ["friend"],
    tags: { mode: "all", values: f.tag ? [f.tag] : [] },
    languages: f.language ? [f.language] : [],
    lastActive: f.active ? { withinDays: ACTIVE_WINDOWS[f.active] } : {},
  };
}

// The dialog asks only for the name: the filter comes from the list, and is checked with it on save.
const nameSchema = segmentBodySchema.pick({ name: true });

/** Name the current filters and keep them as a segment; then open it. */
export function SaveSegmentDialog({ filters, open, onOpenChange }: { filters: FriendUrlFilters; open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("contacts.saveSegment");
  const router = useConsoleRouter();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const errorText = useFieldErrorText();
  const form = useZodForm(nameSchema, { name: "" });
  const mutation = useMutation({
    mutationFn: (name: string) => sendJson<SegmentItem>("POST", "/api/segments", { name, filter: segmentFilterFromList(filters) }),
    onSuccess: (segment) => {
      void queryClient.invalidateQueries({ queryKey: segmentKeys.all });
      toast({ tone: "success", title: t("saved", { name: segment.name }), description: t("savedSize", { count: segment.size ?? 0 }) });
      onOpenChange(false);
      router.push(`/segments/${segment.id}`);
    },
    onError: (err) => toast({ tone: "danger", title: t("failed"), description: errorDescription(err) }),
  });
  return (
    <Dialog open={open} onOpenChange={onOpenChange} aria-label={t("title")}>
      <DialogHeader>
        <div className="min-w-0">
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription className="mt-1">{t("description")}</DialogDescription>
        </div>
        <DialogClose label={t("close")} onClick={() => onOpenChange(false)} />
      </DialogHeader>
      <form className="space-y-4 px-5 py-4" onSubmit={(e) => void form.handleSubmit(({ name }) => mutation.mutate(name))(e)} noValidate>
        <FormField id="save-segment-name" label={t("name")} error={errorText(form.formState.errors.name)}>
          {(control) => <Input {...control} maxLength={80} autoFocus placeholder={t("namePlaceholder")} {...form.register("name")} />}
        </FormField>
        {filters.q && <p className="text-xs text-warning-soft-foreground">{t("searchNotKept")}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            {t("cancel")}
          </Button>
          <Button type="submit" variant="primary" disabled={mutation.isPending}>
            {t("save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
