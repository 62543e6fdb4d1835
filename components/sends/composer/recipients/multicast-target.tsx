"use client";

import { useTranslations } from "next-intl";
import { ToggleGroup } from "@/components/ui/toggle-group";
import type { ComposeState, MulticastMode } from "@/lib/sends/composer/compose-state";
import type { ComposeApi } from "../use-compose";
import { MulticastRecipients } from "./multicast-recipients";
import { SegmentPicker } from "./segment-picker";

/** A multicast's recipients: user IDs pasted or uploaded, or a saved segment. */
export function MulticastTarget({ compose }: { compose: ComposeApi }) {
  const t = useTranslations("composer.multicast");
  const { state, update } = compose;
  // Switching between the two is not yet a choice of recipients: no "give user IDs or a segment" for that.
  const choose = (patch: Partial<ComposeState>) => {
    compose.markWorked("to");
    update(patch);
  };
  return (
    <div className="space-y-3">
      <ToggleGroup<MulticastMode>
        label={t("modeLabel")}
        value={state.multicastMode}
        onValueChange={(multicastMode) => update({ multicastMode })}
        items={[
          { value: "ids", label: t("modes.ids") },
          { value: "segment", label: t("modes.segment") },
        ]}
      />
      {state.multicastMode === "ids" ? (
        <MulticastRecipients text={state.multicastText} onChange={(multicastText) => choose({ multicastText })} />
      ) : (
        <SegmentPicker value={state.segmentId} onChange={(segmentId) => choose({ segmentId })} />
      )}
    </div>
  );
}
