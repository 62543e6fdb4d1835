import { ImageIcon } from "lucide-react";
import { cn } from "@/lib/utils/cn";

// A reasonable rendering of flex bubbles and carousels: boxes (horizontal/vertical/baseline), text,
// spans, images (as placeholders: the console loads no remote images), buttons, separators, fillers.
// It is a preview, not LINE's renderer: sizes and spacing follow LINE's names approximately.

type Node = Record<string, unknown> & { type?: string };

const TEXT_SIZE: Record<string, string> = {
  xxs: "10px",
  xs: "11px",
  sm: "13px",
  md: "14px",
  lg: "16px",
  xl: "18px",
  xxl: "21px",
  "3xl": "24px",
  "4xl": "28px",
  "5xl": "34px",
};
const SPACE: Record<string, string> = { none: "0", xs: "2px", sm: "4px", md: "8px", lg: "12px", xl: "16px", xxl: "20px" };
const BUBBLE_WIDTH: Record<string, string> = { nano: "120px", micro: "160px", deca: "200px", hecto: "220px", kilo: "240px", mega: "260px", giga: "280px" };

export function FlexView({ contents }: { contents: unknown }) {
  const c = (contents ?? {}) as Node;
  if (c.type === "carousel") {
    const bubbles = Array.isArray(c.contents) ? (c.contents as Node[]) : [];
    return (
      <div className="-mr-3 flex snap-x gap-2 overflow-x-auto pr-3 pb-1 scrollbar-thin">
        {bubbles.map((b, i) => (
          <Bubble key={i} bubble={b} />
        ))}
      </div>
    );
  }
  return <Bubble bubble={c} />;
}

function Bubble({ bubble }: { bubble: Node }) {
  const width = BUBBLE_WIDTH[String(bubble.size ?? "mega")] ?? "260px";
  const styles = (bubble.styles ?? {}) as Record<string, { backgroundColor?: string; separator?: boolean }>;
  return (
    <div
      className="shrink-0 snap-start overflow-hidden rounded-2xl bg-white text-[#111] shadow-sm"
      style={{ width }}
      dir={bubble.direction === "rtl" ? "rtl" : undefined}
    >
      {(["header", "hero", "body", "footer"] as const).map((part) => {
        const node = bubble[part] as Node | undefined;
        if (!node) return null;
        if (part === "hero") return <Component key={part} node={node} parentLayout="vertical" />;
        return (
          <div
            key={part}
            style={{ backgroundColor: styles[part]?.backgroundColor }}
            className={cn("p-3", styles[part]?.separator && "border-t border-[#e5e5e5]")}
          >
            <Component node={node} parentLayout="vertical" />
          </div>
        );
      })}
    </div>
  );
}

function Component({ node, parentLayout }: { node: Node; parentLayout: string }) {
  const flex = typeof node.flex === "number" ? node.flex : parentLayout === "horizontal" || parentLayout === "baseline" ? 1 : undefined;
  const margin = typeof node.margin === "string" ? SPACE[node.margin] : undefined;
  const common: React.CSSProperties = {
    flex: flex === undefined ? undefined : `${flex} 1 0%`,
    marginTop: parentLayout === "vertical" ? margin : undefined,
    marginLeft: parentLayout !== "vertical" ? margin : undefined,
    minWidth: 0,
  };
  switch (node.type) {
    case "box": {
      const layout = String(node.layout ?? "vertical");
      const children = Array.isArray(node.contents) ? (node.contents as Node[]) : [];
      return (
        <div
          style={{
            ...common,
            display: "flex",
            flexDirection: layout === "vertical" ? "column" : "row",
            alignItems: layout === "baseline" ? "baseline" : undefined,
            gap: typeof node.spacing === "string" ? SPACE[node.spacing] : undefined,
            backgroundColor: node.backgroundColor as string | undefined,
            padding: typeof node.paddingAll === "string" ? (SPACE[node.paddingAll] ?? node.paddingAll) : undefined,
            borderRadius: typeof node.cornerRadius === "string" ? (SPACE[node.cornerRadius] ?? node.cornerRadius) : undefined,
            justifyContent: node.justifyContent as string | undefined,
          }}
        >
          {children.map((child, i) => (
            <Component key={i} node={child} parentLayout={layout} />
          ))}
        </div>
      );
    }
    case "text": {
      const spans = Array.isArray(node.contents) ? (node.contents as Node[]) : null;
      return (
        <p
          style={{
            ...common,
            fontSize: TEXT_SIZE[String(node.size ?? "md")] ?? String(node.size),
            fontWeight: node.weight === "bold" ? 700 : 400,
            color: (node.color as string) ?? "#111",
            textAlign: node.align as React.CSSProperties["textAlign"],
            whiteSpace: node.wrap ? "pre-wrap" : "nowrap",
            overflow: "hidden",
            textOverflow: node.wrap ? undefined : "ellipsis",
            lineHeight: 1.4,
          }}
        >
          {spans
            ? spans.map((s, i) => (
                <span key={i} style={{ color: s.color as string, fontWeight: s.weight === "bold" ? 700 : undefined, fontSize: TEXT_SIZE[String(s.size)] }}>
                  {String(s.text ?? "")}
                </span>
              ))
            : String(node.text ?? "")}
        </p>
      );
    }
    case "image":
    case "video": {
      const ratio = String(node.aspectRatio ?? "20:13")
        .split(":")
        .map(Number);
      return (
        <div
          style={{ ...common, aspectRatio: ratio.length === 2 && ratio[0]! > 0 ? `${ratio[0]} / ${ratio[1]}` : "20 / 13" }}
          className="flex w-full items-center justify-center bg-[#e8edf3] text-[#8a97a8]"
          title={String(node.url ?? "")}
        >
          <ImageIcon className="size-6" aria-hidden />
        </div>
      );
    }
    case "icon":
      return <span style={common} className="inline-block size-3 shrink-0 rounded-full bg-[#f5b300]" />;
    case "button": {
      const action = (node.action ?? {}) as Node;
      const style = String(node.style ?? "link");
      return (
        <div
          style={{
            ...common,
            backgroundColor: style !== "link" ? ((node.color as string) ?? (style === "primary" ? "#06C755" : "#dfe3e8")) : undefined,
            color: style === "primary" ? "#fff" : style === "secondary" ? "#111" : ((node.color as string) ?? "#42659a"),
          }}
          className={cn("flex items-center justify-center rounded-md px-2 text-center text-[13px] font-semibold", node.height === "sm" ? "h-8" : "h-10")}
        >
          <span className="truncate">{String(action.label ?? "")}</span>
        </div>
      );
    }
    case "separator":
      return (
        <div
          style={{ ...common, backgroundColor: (node.color as string) ?? "#e5e5e5" }}
          className={parentLayout === "vertical" ? "h-px w-full" : "w-px self-stretch"}
        />
      );
    case "filler":
    case "spacer":
      return (
        <div
          style={{
            ...common,
            flex: node.type === "filler" ? `${flex ?? 1} 1 0%` : undefined,
            height: node.type === "spacer" ? (SPACE[String(node.size ?? "md")] ?? "8px") : undefined,
          }}
        />
      );
    default:
      return null;
  }
}
