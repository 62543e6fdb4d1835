// CSV as spreadsheets read it (RFC 4180): fields with a comma, quote or line break are quoted and
// quotes doubled. Names and status messages come from LINE users, so nothing they write may reach a
// spreadsheet as a formula (OWASP, "CSV Injection"): a cell must not begin with = + - @, a tab or a
// carriage return. Excel in locales whose list separator is ";" (most of Europe) splits our rows at
// semicolons (and ends a row at a line break) whatever our quoting says, so a cell can also begin right
// after a ";" , a "," or a line break inside a field: there too, an apostrophe goes before anything that
// would start a formula (even behind spaces or quotes, which some spreadsheets skip). The apostrophe
// makes a spreadsheet read the cell as text; plain-text readers see it.

// Where a cell can begin (the start, or just after a separator or line break) when what follows, past
// any spaces and quotes, is a formula's first character.
const FORMULA_START = /(?<=^|[,;\r\n])(?=[\s"']*[=+\-@\t\r])/g;

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = String(value).replace(FORMULA_START, "'");
  return /[",;\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvRow(fields: Array<string | number | null | undefined>): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** UTF-8 byte order mark: Excel opens UTF-8 CSV as such (CJK and Thai names intact) only with it. */
export const CSV_BOM = "\ufeff";
