import { cn } from "@/lib/utils/cn";

interface CodeBlockProps {
  /** Already formatted text. */
  code: string;
  /** "json" colours keys, strings, numbers and literals. */
  language?: "json" | "text";
  toolbar?: React.ReactNode;
  title?: React.ReactNode;
  className?: string;
  maxHeight?: string;
  label?: string;
  /** Wraps the code (not the title bar), e.g. in a tab panel when the title holds the tab list. */
  wrapBody?: (body: React.ReactNode) => React.ReactNode;
}

/** Read-only code with line numbers; JSON gets syntax colouring. */
export function CodeBlock({ code, language = "text", toolbar, title, className, maxHeight = "32rem", label, wrapBody = (body) => body }: CodeBlockProps) {
  const lines = code.split("\n");
  // Line-by-line markup is fine for events; a 1 MiB delivery body would be tens of thousands of nodes.
  const plain = lines.length > MAX_DECORATED_LINES;
  return (
    <div data-slot="code-block" className={cn("overflow-hidden rounded-lg border border-border bg-muted/50", className)}>
      {(title || toolbar) && (
        <div className="flex min-h-10 items-center gap-2 border-b border-border bg-surface px-3 py-1.5">
          <div className="min-w-0 flex-1 truncate text-xs font-medium text-muted-foreground">{title}</div>
          {toolbar}
        </div>
      )}
      {wrapBody(
        <div
          className="overflow-auto scrollbar-thin focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none focus-visible:ring-inset"
          style={{ maxHeight }}
          tabIndex={0}
          role="region"
          aria-label={label}
        >
          {plain ? (
            <pre className="px-4 py-3 font-mono text-xs leading-5 whitespace-pre">{code}</pre>
          ) : (
            <pre className="grid min-w-fit grid-cols-[auto_1fr] py-3 font-mono text-xs leading-5">
              {lines.map((line, i) => (
                <div key={i} className="contents">
                  <span aria-hidden className="sticky left-0 bg-muted/95 pr-3 pl-3 text-right text-muted-foreground select-none tabular">
                    {i + 1}
                  </span>
                  <code className="pr-4 whitespace-pre">{language === "json" ? highlightJson(line) : line || " "}</code>
                </div>
              ))}
            </pre>
          )}
        </div>,
      )}
    </div>
  );
}

const MAX_DECORATED_LINES = 4000;

const TOKEN = /("(?:\\u[a-fA-F0-9]{4}|\\[^u]|[^\\"])*"(?:\s*:)?|\b(?:true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

// One line of pretty-printed JSON at a time, so a string never spans the regex's input boundary.
function highlightJson(line: string): React.ReactNode {
  const out: React.ReactNode[] = [];
  let last = 0;
  for (const m of line.matchAll(TOKEN)) {
    const token = m[0];
    const at = m.index ?? 0;
    if (at > last) out.push(line.slice(last, at));
    const className = token.startsWith('"')
      ? token.trimEnd().endsWith(":")
        ? "text-json-key"
        : "text-json-string"
      : /^(true|false|null)$/.test(token)
        ? "text-json-literal"
        : "text-json-number";
    if (className === "text-json-key") {
      const colon = token.lastIndexOf(":");
      out.push(
        <span key={at} className={className}>
          {token.slice(0, colon)}
        </span>,
        token.slice(colon),
      );
    } else {
      out.push(
        <span key={at} className={className}>
          {token}
        </span>,
      );
    }
    last = at + token.length;
  }
  if (last < line.length) out.push(line.slice(last));
  return out.length ? out : " ";
}
