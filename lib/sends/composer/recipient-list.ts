// Multicast recipients as operators bring them: pasted one per line or comma separated, or a CSV export
// (a header row, extra columns such as names). Every user id found is kept once; anything that looks
// like an attempt at an id but is not one is reported with its line number, so a 5,000-line paste can
// be fixed without guessing.

export const USER_ID = /^U[0-9a-f]{32}$/;
/** LINE takes at most 500 recipients per multicast request; the console splits larger sends. */
export const MULTICAST_CHUNK = 500;

export type RecipientProblem = "groupOrRoom" | "wrongLength" | "notHex" | "notAnId";

export interface RecipientError {
  line: number;
  value: string;
  problem: RecipientProblem;
}

export interface RecipientList {
  ids: string[];
  duplicates: number;
  errors: RecipientError[];
}

export function parseRecipientList(text: string): RecipientList {
  const ids: string[] = [];
  const seen = new Set<string>();
  const errors: RecipientError[] = [];
  let duplicates = 0;
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const cells = splitCells(raw);
    if (cells.length === 0) return;
    const found = cells.filter((c) => USER_ID.test(c));
    for (const id of found) {
      if (seen.has(id)) duplicates++;
      else {
        seen.add(id);
        ids.push(id);
      }
    }
    // Other cells of a CSV row (names, notes) are fine; cells that try to be ids and are not are not.
    for (const cell of cells) {
      if (USER_ID.test(cell)) continue;
      const problem = idProblem(cell);
      if (problem) errors.push({ line: i + 1, value: cell, problem });
      else if (found.length === 0 && cells.length === 1 && !(i === 0 && isHeader(cell))) errors.push({ line: i + 1, value: cell, problem: "notAnId" });
    }
  });
  return { ids, duplicates, errors };
}

export function requestCount(recipients: number): number {
  return Math.ceil(recipients / MULTICAST_CHUNK);
}

function splitCells(line: string): string[] {
  return line
    .split(/[,;\t\s]+/)
    .map((c) =>
      c
        .trim()
        .replace(/^["']|["']$/g, "")
        .trim(),
    )
    .filter(Boolean);
}

// Something that starts like a LINE id (U, C or R and hex) or is long and id-like.
function idProblem(cell: string): RecipientProblem | null {
  if (/^[CR][0-9a-f]{32}$/.test(cell)) return "groupOrRoom";
  if (/^U[0-9a-fA-F]+$/.test(cell)) return cell.length !== 33 ? "wrongLength" : "notHex";
  if (/^U[0-9a-zA-Z]{20,}$/.test(cell)) return cell.length !== 33 ? "wrongLength" : "notHex";
  return null;
}

function isHeader(cell: string) {
  return /^[a-z_ ]{2,30}$/i.test(cell);
}
