// LINE reports unparsable bodies as "The request body could not be parsed as JSON (line: X, column: Y)".
import { fail, lineError } from "./reply";

export function parseJsonBody(raw: Buffer): unknown {
  const text = raw.toString("utf8");
  try {
    return JSON.parse(text);
  } catch (err) {
    const { line, column } = position(text, err);
    return fail(lineError(400, `The request body could not be parsed as JSON (line: ${line}, column: ${column})`));
  }
}

function position(text: string, err: unknown): { line: number; column: number } {
  const message = err instanceof Error ? err.message : "";
  const explicit = /line (\d+) column (\d+)/.exec(message);
  if (explicit) return { line: Number(explicit[1]), column: Number(explicit[2]) };
  const at = /position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : text.length;
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}
