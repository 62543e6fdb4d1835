import { ImageIcon } from "lucide-react";
import { cn } from "@/lib/utils/cn";

type Action = { label?: string; type?: string };
type Column = { thumbnailImageUrl?: string; title?: string; text?: string; actions?: Action[]; imageUrl?: string; action?: Action };

/** Template messages as LINE draws them: cards with an optional image, title, text and buttons. */
export function TemplateCard({ template }: { template: Record<string, unknown> }) {
  switch (template.type) {
    case "confirm":
      return (
        <div className="w-56 overflow-hidden rounded-2xl bg-white text-[#111] shadow-sm">
          <p className="px-3 py-3 text-center text-[13px] whitespace-pre-wrap">{String(template.text ?? "")}</p>
          <div className="grid grid-cols-2 border-t border-[#e5e5e5]">
            {((template.actions as Action[]) ?? []).map((a, i) => (
              <span key={i} className={cn("truncate px-2 py-2.5 text-center text-[13px] font-semibold text-[#42659a]", i === 1 && "border-l border-[#e5e5e5]")}>
                {a.label}
              </span>
            ))}
          </div>
        </div>
      );
    case "carousel":
      return (
        <Row>
          {((template.columns as Column[]) ?? []).map((c, i) => (
            <ButtonsCard key={i} column={c} />
          ))}
        </Row>
      );
    case "image_carousel":
      return (
        <Row>
          {((template.columns as Column[]) ?? []).map((c, i) => (
            <div
              key={i}
              className="relative flex size-40 shrink-0 snap-start items-center justify-center overflow-hidden rounded-2xl bg-[#e8edf3] text-[#8a97a8]"
            >
              <ImageIcon aria-hidden className="size-7" />
              {c.action?.label && (
                <span className="absolute inset-x-2 bottom-2 truncate rounded-full bg-black/55 px-2 py-1 text-center text-[11px] text-white">
                  {c.action.label}
                </span>
              )}
            </div>
          ))}
        </Row>
      );
    default:
      return <ButtonsCard column={template as Column} />;
  }
}

function ButtonsCard({ column }: { column: Column }) {
  return (
    <div className="w-56 shrink-0 snap-start overflow-hidden rounded-2xl bg-white text-[#111] shadow-sm">
      {column.thumbnailImageUrl !== undefined && (
        <div className="flex aspect-[1.51/1] items-center justify-center bg-[#e8edf3] text-[#8a97a8]">
          <ImageIcon aria-hidden className="size-7" />
        </div>
      )}
      <div className="space-y-1 px-3 py-2.5">
        {column.title && <p className="truncate text-[14px] font-bold">{column.title}</p>}
        <p className="text-[13px] whitespace-pre-wrap text-[#555]">{column.text}</p>
      </div>
      {(column.actions ?? []).map((a, i) => (
        <p key={i} className="truncate border-t border-[#e5e5e5] px-3 py-2.5 text-center text-[13px] font-semibold text-[#42659a]">
          {a.label || "…"}
        </p>
      ))}
    </div>
  );
}

function Row({ children }: { children: React.ReactNode }) {
  return <div className="-mr-3 flex snap-x gap-2 overflow-x-auto pr-3 pb-1 scrollbar-thin">{children}</div>;
}
