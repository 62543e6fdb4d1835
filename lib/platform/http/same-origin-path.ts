// Where to go after signing in comes from the URL (?next=), so anyone can write it into a link. Only a
// path on this console is followed, as the browser's own URL parser reads it: prefix checks are fooled
// by what the parser drops or rewrites ("/\t/evil.example" is "//evil.example" once tabs are removed,
// and "/\\evil.example" is "//evil.example" too).

// Any origin does: the question is only whether the target stays on it.
const HERE = "https://console.invalid";

/** `target` as a same-origin path with its query and fragment, or `fallback` when it leaves the origin. */
export function sameOriginPath(target: unknown, fallback = "/"): string {
  // A repeated ?next= arrives as a list.
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(target, HERE);
  } catch {
    return fallback;
  }
  if (url.origin !== HERE) return fallback;
  // The parsed form, not the input: it is what the browser will request.
  return `${url.pathname}${url.search}${url.hash}`;
}
