// CSV as spreadsheets read it (RFC 4180): fields with a comma, quote or line break are quoted and
// quotes doubled. Names come from LINE users, so a name starting with = + - @ (or a tab or carriage
// return) is prefixed with an apostrophe: a spreadsheet would otherwise run it as a formula.

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvRow(fields: Array<string | number | null | undefined>): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** UTF-8 byte order mark: Excel opens UTF-8 CSV as such (CJK and Thai names intact) only with it. */
export const CSV_BOM = "\ufeff";
