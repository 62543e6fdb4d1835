// Immutable updates of LINE message objects by path; undefined or "" removes an optional key, so the
// composed JSON carries only what the operator filled in.
export function setIn<T>(obj: T, path: ReadonlyArray<string | number>, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const base: Record<string | number, unknown> = Array.isArray(obj) ? ([...obj] as never) : { ...(obj as object) };
  const next = setIn(base[head!] ?? (typeof rest[0] === "number" ? [] : {}), rest, value);
  if (rest.length === 0 && (value === undefined || value === "")) {
    if (Array.isArray(base)) base[head as number] = value;
    else delete base[head!];
  } else base[head!] = next;
  return base as T;
}
