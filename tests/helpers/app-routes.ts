import fs from "node:fs";
import path from "node:path";

// Every route handler and page under app/, as URLs a test can request: route groups dropped, dynamic
// segments filled with dummy values. Read from the files themselves, so a route added tomorrow is
// covered by the access tests without anyone remembering to list it.

export interface AppRoute {
  /** Repository-relative file, e.g. app/api/members/[id]/route.ts */
  file: string;
  kind: "api" | "page";
  /** e.g. /api/members/e2e-dummy, /channels/default/settings/members */
  url: string;
  /** The URL with its dynamic segments as written, e.g. /api/members/[id] (tests that fill them with real values). */
  pattern: string;
  /** HTTP methods a route file exports (pages: GET). */
  methods: string[];
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export function appRoutes(root = "app"): AppRoute[] {
  const out: AppRoute[] = [];
  for (const file of walk(root)) {
    const base = path.basename(file);
    if (!/^(route|page)\.(ts|tsx|js|jsx)$/.test(base)) continue;
    const kind = base.startsWith("route") ? "api" : "page";
    const rel = path.relative(root, path.dirname(file)).split(path.sep).filter(Boolean);
    const url = urlFor(rel);
    const methods = kind === "api" ? exportedMethods(fs.readFileSync(file, "utf8")) : ["GET"];
    const pattern = `/${rel.filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@")).join("/")}`;
    out.push({ file: file.split(path.sep).join("/"), kind, url, pattern, methods });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/** Folder segments → a URL: (groups) and @slots vanish, [x] / [...x] / [[...x]] get dummy values. */
export function urlFor(segments: string[]): string {
  const parts: string[] = [];
  for (const s of segments) {
    if (/^\(.*\)$/.test(s) || s.startsWith("@")) continue;
    // A channel's pages: the first channel's (every test console has it).
    if (s === "[channel]") parts.push("default");
    else if (/^\[\[\.\.\..+\]\]$/.test(s) || /^\[\.\.\..+\]$/.test(s)) parts.push("e2e-dummy", "more");
    else if (/^\[.+\]$/.test(s)) parts.push("e2e-dummy");
    else parts.push(s);
  }
  return `/${parts.join("/")}`;
}

/** `export const GET = …`, `export async function POST(…)`, `export { handle as GET, handle as POST }`. */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|var|async\s+function|function)\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of block[1]!.split(",")) {
      const name = item
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) found.add(name);
    }
  }
  return HTTP_METHODS.filter((m) => found.has(m));
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}
