"use client";

import { ArrowDown, ArrowUp, CircleAlert, Copy, GripVertical, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ComposedMessage, DraftMessage } from "@/lib/sends/composer/compose-state";
import { cn } from "@/lib/utils/cn";
import { FlexEditor } from "./editors/flex-editor";
import { ImagemapEditor } from "./editors/imagemap-editor";
import { LocationEditor, MediaEditor } from "./editors/media-editor";
import { QuickReplyEditor } from "./editors/quick-reply-editor";
import { StickerEditor } from "./editors/sticker-editor";
import { TemplateEditor } from "./editors/template-editor";
import { TextEditor } from "./editors/text-editor";
import { useFieldIssues } from "./issues-context";

interface MessageCardProps {
  item: ComposedMessage;
  index: number;
  count: number;
  mentionsAllowed: boolean;
  onChange: (m: DraftMessage) => void;
  onMove: (to: number) => void;
  onDuplicate: () => void;
  onRemove: () => void;
  dragging: boolean;
  dragHandlers: React.HTMLAttributes<HTMLElement>;
}

/** One message of the send: its editor, with move (drag or Alt+↑/↓), duplicate and remove. */
export function MessageCard({ item, index, count, mentionsAllowed, onChange, onMove, onDuplicate, onRemove, dragging, dragHandlers }: MessageCardProps) {
  const t = useTranslations("composer.messages");
  const tType = useTranslations("composer.types");
  const path = `messages.${index}`;
  const problems = useFieldIssues(path, true).length;
  const type = item.message.type;

  return (
    <li
      data-testid="message-card"
      aria-label={t("cardLabel", { n: index + 1, type: typeLabel(type, tType) })}
      className={cn(
        "rounded-lg border bg-surface shadow-xs transition-shadow",
        dragging ? "border-primary opacity-60 shadow-md" : "border-border",
        problems > 0 && "border-danger/50",
      )}
      onKeyDown={(e) => {
        if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
        e.preventDefault();
        onMove(index + (e.key === "ArrowUp" ? -1 : 1));
      }}
      {...dragHandlers}
    >
      <div className="flex items-center gap-2 border-b border-border px-2 py-1.5">
        <span
          className="flex cursor-grab items-center text-subtle-foreground active:cursor-grabbing"
          title={t("dragHint")}
          draggable
          data-drag-handle
          aria-hidden
        >
          <GripVertical className="size-4" />
        </span>
        <span className="tabular text-xs font-semibold text-muted-foreground">{index + 1}</span>
        <Badge tone="primary">{typeLabel(type, tType)}</Badge>
        {problems > 0 && (
          <span className="flex items-center gap-1 text-xs text-danger">
            <CircleAlert aria-hidden className="size-3.5" />
            {t("problems", { count: problems })}
          </span>
        )}
        <div className="ml-auto flex items-center">
          <Button size="icon-sm" variant="subtle" aria-label={t("moveUp")} disabled={index === 0} onClick={() => onMove(index - 1)}>
            <ArrowUp aria-hidden />
          </Button>
          <Button size="icon-sm" variant="subtle" aria-label={t("moveDown")} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
            <ArrowDown aria-hidden />
          </Button>
          <Button size="icon-sm" variant="subtle" aria-label={t("duplicate")} disabled={count >= 5} onClick={onDuplicate}>
            <Copy aria-hidden />
          </Button>
          <Button size="icon-sm" variant="subtle" aria-label={t("remove")} disabled={count <= 1} onClick={onRemove}>
            <Trash2 aria-hidden />
          </Button>
        </div>
      </div>
      <div className="space-y-3 p-3">
        <Editor message={item.message} onChange={onChange} path={path} mentionsAllowed={mentionsAllowed} />
        <QuickReplyEditor message={item.message} onChange={onChange} path={path} isLast={index === count - 1} />
      </div>
    </li>
  );
}

function Editor({
  message,
  onChange,
  path,
  mentionsAllowed,
}: {
  message: DraftMessage;
  onChange: (m: DraftMessage) => void;
  path: string;
  mentionsAllowed: boolean;
}) {
  switch (message.type) {
    case "text":
    case "textV2":
      return <TextEditor message={message} onChange={onChange} path={path} mentionsAllowed={mentionsAllowed} />;
    case "sticker":
      return <StickerEditor message={message} onChange={onChange} path={path} />;
    case "image":
    case "video":
    case "audio":
      return <MediaEditor message={message} onChange={onChange} path={path} />;
    case "location":
      return <LocationEditor message={message} onChange={onChange} path={path} />;
    case "imagemap":
      return <ImagemapEditor message={message} onChange={onChange} path={path} />;
    case "template":
      return <TemplateEditor message={message} onChange={onChange} path={path} />;
    case "flex":
      return <FlexEditor message={message} onChange={onChange} path={path} />;
    default:
      return null;
  }
}

function typeLabel(type: string, t: (k: string) => string) {
  return type === "textV2" ? t("text") : t(type);
}
