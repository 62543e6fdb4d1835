// A tiny method + path router with `:param` segments. Path parameters are URL-decoded.

export type RouteMatch<T> = { route: T; params: Record<string, string> };

type Compiled<T> = { method: string; regex: RegExp; names: string[]; route: T };

export class Router<T> {
  #routes: Compiled<T>[] = [];

  add(method: string, pattern: string, route: T): this {
    const names: string[] = [];
    const source = pattern
      .split("/")
      .map((segment) => {
        if (segment.startsWith(":")) {
          names.push(segment.slice(1));
          return "([^/]+)";
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    this.#routes.push({ method, regex: new RegExp(`^${source}$`), names, route });
    return this;
  }

  /** `pathMatched` tells a 404 (no path) from a wrong method. */
  match(method: string, path: string): { match?: RouteMatch<T>; pathMatched: boolean } {
    let pathMatched = false;
    for (const r of this.#routes) {
      const m = r.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      const params: Record<string, string> = {};
      r.names.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1] ?? "");
      });
      return { match: { route: r.route, params }, pathMatched };
    }
    return { pathMatched };
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
