import { AREA_NAMES } from "./area-names";
import type { Area } from "./areas";

// Finding an area by what the operator types: its local name, its English, Chinese, Japanese or Thai
// name, a kana reading, or another common name — with the variant characters people mix up folded
// together (臺/台, 縣/県/县, simplified and Japanese forms), full-width letters and katakana/hiragana
// made alike, and case and spaces ignored. So 台北 finds 臺北市, 鹿兒島 finds 鹿児島県, Jakarta finds
// Jabodetabek, とうきょう and トウキョウ find 東京都.

// Traditional Chinese and simplified forms → the Japanese form (one spelling to compare).
const VARIANTS: Record<string, string> = {
  臺: "台",
  縣: "県",
  县: "県",
  櫪: "栃",
  枥: "栃",
  靜: "静",
  廣: "広",
  广: "広",
  德: "徳",
  兒: "児",
  儿: "児",
  繩: "縄",
  绳: "縄",
  冲: "沖",
  冈: "岡",
  岛: "島",
  长: "長",
  马: "馬",
  爱: "愛",
  鸟: "鳥",
  贺: "賀",
  宫: "宮",
  东: "東",
  灣: "湾",
  叶: "葉",
  泻: "潟",
  库: "庫",
  园: "園",
  义: "義",
  云: "雲",
  兰: "蘭",
  莲: "蓮",
  门: "門",
  连: "連",
  國: "国",
};

export function foldAreaText(s: string): string {
  let out = "";
  for (const ch of s.normalize("NFKC").toLowerCase()) {
    const code = ch.codePointAt(0)!;
    // Katakana → hiragana (ア U+30A1 … ヶ U+30F6), so either script finds a reading.
    const kana = code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : ch;
    out += VARIANTS[kana] ?? kana;
  }
  // Spaces, dots and hyphens are typed both ways ("New Taipei" / "newtaipei", "Hyogo-ken").
  return out.replace(/[\s.\-・]/g, "");
}

/** Every name an area can be found by, folded. */
export function areaSearchKeys(area: Area): string[] {
  const names = AREA_NAMES.get(area.code);
  return [area.local, area.en, names?.zh, names?.ja, names?.th, ...(names?.aliases ?? [])].filter((n): n is string => Boolean(n)).map(foldAreaText);
}

const keysByCode = new Map<string, string[]>();

/** Whether the area matches the query (empty matches everything); `extra` are more names, e.g. its region's. */
export function areaMatches(area: Area, query: string, extra: readonly string[] = []): boolean {
  const needle = foldAreaText(query);
  if (!needle) return true;
  let keys = keysByCode.get(area.code);
  if (!keys) keysByCode.set(area.code, (keys = areaSearchKeys(area)));
  return keys.some((k) => k.includes(needle)) || extra.some((e) => foldAreaText(e).includes(needle));
}

/** The area's name in the console's language, when it is not the local name people there use. */
export function areaNameIn(area: Area, locale: string): string | null {
  const names = AREA_NAMES.get(area.code);
  const name = locale === "en" ? area.en : locale === "ja" ? names?.ja : locale === "th" ? names?.th : locale.startsWith("zh") ? names?.zh : undefined;
  if (!name || foldAreaText(name) === foldAreaText(area.local)) return null;
  return name;
}
