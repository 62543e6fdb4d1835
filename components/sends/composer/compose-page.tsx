"use client";

import { Check, CloudOff, FileText, Loader2, Save } from "lucide-react";
import { useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { ScheduleWhenCard } from "@/components/schedules/schedule-when-card";
import { useSaveSchedule } from "@/components/schedules/use-save-schedule";
import { defaultWhen, resolveWhen, whenFromSchedule, type WhenState } from "@/components/schedules/when-state";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { fromSendBody, type ComposeState } from "@/lib/sends/composer/compose-state";
import { sendJson } from "@/lib/client/api-client";
import type { Schedule } from "@/lib/client/schedules";
import { DraftsDialog } from "./drafts/drafts-dialog";
import { useAutosave, type SaveStatus } from "./drafts/use-autosave";
import { WorkingDraftBanner } from "./drafts/working-draft-banner";
import { IssuesProvider } from "./issues-context";
import { KindSwitch } from "./kind-switch";
import { MessageList } from "./message-list";
import { OptionsCard } from "./options-card";
import { PhonePreview } from "./preview/phone-preview";
import { RecipientsCard } from "./recipients-card";
import { RequestCode } from "./review/request-code";
import { ReviewPanel } from "./review/review-panel";
import { useCompose } from "./use-compose";

interface ComposePageProps {
  initial?: ComposeState;
  draft?: { id: string; title: string; working: boolean } | null;
  /** A fresh composition (not a draft, a copy or a pre-filled recipient): offer the working draft. */
  fresh?: boolean;
  /** Opened from a draft or an earlier send: show every problem at once. */
  reveal?: boolean;
  /** Editing this scheduled send: saving changes it (with the version it was opened at). */
  schedule?: Schedule | null;
  /** After someone else changed the schedule: open it again as it is now. */
  onReloadSchedule?: () => void;
}

/** /messages/new: choose the kind, the recipients and up to five messages; preview; check; send. */
export function ComposePage({ initial, draft, fresh = false, reveal = false, schedule = null, onReloadSchedule }: ComposePageProps) {
  const t = useTranslations("composer");
  const compose = useCompose(initial, { reveal });
  const { state, update, body, issues } = compose;
  const operatorZone = useTimeZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [when, setWhen] = useState<WhenState>(() => (schedule ? whenFromSchedule(schedule) : defaultWhen(operatorZone)));
  const resolved = resolveWhen(when);
  const [title, setTitle] = useState(draft?.title ?? schedule?.title ?? "");
  const [titleTouched, setTitleTouched] = useState(false);
  const [draftsOpen, setDraftsOpen] = useState(false);
  const [sent, setSent] = useState(false);
  // Only something worth coming back to becomes a draft: a name, or a message with content.
  const worthSaving = Boolean(title.trim()) || state.messages.some((m) => !(m.message.type === "text" && !m.message.text));
  const autosave = useAutosave({
    kind: state.kind,
    title,
    body,
    touched: compose.touched || titleTouched,
    initial: draft ? { id: draft.id, working: draft.working } : null,
    // Editing a schedule changes the schedule, not the member's working draft.
    enabled: !sent && worthSaving && !schedule,
  });
  const afterSend = () => {
    setSent(true);
    // The working draft has done its job; a named or saved one stays for reuse.
    if (autosave.draftId && autosave.working) void sendJson("DELETE", `/api/drafts/${autosave.draftId}`).catch(() => undefined);
  };
  const save = useSaveSchedule({
    kind: state.kind,
    body,
    when,
    resolved,
    title,
    draftId: autosave.draftId && !autosave.working ? autosave.draftId : null,
    editing: schedule,
    bodyChanged: compose.touched,
    onDetails: compose.showServerDetails,
    onSaved: afterSend,
  });
  const mentionsAllowed = state.kind === "push" && /^[CR]/.test(state.push?.id ?? "");

  return (
    <IssuesProvider value={issues}>
      <PageContainer className="space-y-5">
        <PageHeader
          title={schedule ? t("titleSchedule") : draft ? t("titleDraft") : t("title")}
          description={schedule ? t("descriptionSchedule") : t("description")}
          actions={
            !schedule && (
              <>
                <SaveState status={autosave.status} />
                <Button onClick={() => setDraftsOpen(true)}>
                  <FileText aria-hidden />
                  {t("drafts.title")}
                </Button>
                <Button onClick={() => void autosave.saveNow().catch(() => undefined)}>
                  <Save aria-hidden />
                  {t("drafts.save")}
                </Button>
              </>
            )
          }
        />
        {/* Gone once they write something new: that replaces the working draft. */}
        {fresh && !autosave.draftId && !compose.touched && <WorkingDraftBanner />}
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor="draft-title" className="text-xs font-medium text-muted-foreground">
            {schedule ? t("scheduleName") : t("drafts.name")}
          </label>
          <Input
            id="draft-title"
            className="max-w-md"
            value={title}
            placeholder={t("drafts.namePlaceholder")}
            onChange={(e) => {
              setTitle(e.target.value);
              setTitleTouched(true);
            }}
          />
        </div>
        {/* A schedule keeps its kind: a different kind is a different send. */}
        {!schedule && <KindSwitch value={state.kind} onChange={(kind) => update({ kind })} />}
        <div className="grid items-start gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="min-w-0 space-y-5">
            <RecipientsCard compose={compose} />
            <Card>
              <CardHeader>
                <CardTitle>{t("messages.title")}</CardTitle>
              </CardHeader>
              <CardContent>
                <MessageList compose={compose} mentionsAllowed={mentionsAllowed} />
              </CardContent>
            </Card>
            <ScheduleWhenCard when={when} onChange={setWhen} resolved={resolved} kind={state.kind} editing={Boolean(schedule)} />
            <OptionsCard compose={compose} />
            <section aria-label={t("request.label")}>
              <RequestCode kind={state.kind} body={body} />
            </section>
          </div>
          <aside className="space-y-5 md:grid md:grid-cols-2 md:gap-5 md:space-y-0 xl:sticky xl:top-4 xl:block xl:space-y-5">
            <PhonePreview messages={state.messages.map((m) => m.message)} />
            <Card>
              <CardHeader>
                <CardTitle>{t("review.title")}</CardTitle>
              </CardHeader>
              <CardContent>
                <ReviewPanel
                  compose={compose}
                  onSent={afterSend}
                  schedule={{ when, resolved, editing: Boolean(schedule), save, reload: () => onReloadSchedule?.() }}
                />
              </CardContent>
            </Card>
          </aside>
        </div>
      </PageContainer>
      <DraftsDialog open={draftsOpen} onOpenChange={setDraftsOpen} currentId={autosave.draftId} />
    </IssuesProvider>
  );
}

function SaveState({ status }: { status: SaveStatus }) {
  const t = useTranslations("composer.drafts");
  if (status === "idle") return null;
  const Icon = status === "saving" ? Loader2 : status === "saved" ? Check : CloudOff;
  return (
    <span role="status" className="flex items-center gap-1.5 text-xs text-muted-foreground" data-testid="save-status">
      <Icon aria-hidden className={status === "saving" ? "size-3.5 animate-spin" : "size-3.5"} />
      {t(`status.${status}`)}
    </span>
  );
}

export function stateFrom(kind: string, body: Record<string, unknown>): ComposeState {
  const k = (["push", "multicast", "broadcast", "narrowcast"] as const).find((x) => x === kind) ?? "push";
  return fromSendBody(k, body);
}
