import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import en from "@/i18n/catalogues/en.json";
import ja from "@/i18n/catalogues/ja.json";
import th from "@/i18n/catalogues/th.json";
import zhTW from "@/i18n/catalogues/zh-TW.json";

// The four message catalogues, flattened to "a.b.c" keys, for tests that check what the code asks of them.

export const catalogues = { en, "zh-TW": zhTW, ja, th } as const;
export type CatalogueLocale = keyof typeof catalogues;

export const flatCatalogues = Object.fromEntries(Object.entries(catalogues).map(([locale, messages]) => [locale, flatten(messages)])) as Record<
  CatalogueLocale,
  Record<string, string>
>;

export function flatten(obj: object, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out[key] = v;
    else Object.assign(out, flatten(v as object, key));
  }
  return out;
}

/** What sits at a dotted path of a catalogue: a message, a namespace object, or nothing. */
export function at(messages: object, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
}

/** Keys (in `locale`) missing from any of the given ones: `{ locale: [missing keys] }`, only locales that miss some. */
export function missingKeys(keys: Iterable<string>): Partial<Record<CatalogueLocale, string[]>> {
  const out: Partial<Record<CatalogueLocale, string[]>> = {};
  for (const [locale, flat] of Object.entries(flatCatalogues) as Array<[CatalogueLocale, Record<string, string>]>) {
    const missing = [...keys].filter((k) => typeof flat[k] !== "string");
    if (missing.length) out[locale] = missing.sort();
  }
  return out;
}

/** The argument names a message uses, wherever they are nested (plural and select branches too). */
export function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      if ("value" in el && el.type !== TYPE.tag) names.add(el.value);
      if (el.type === TYPE.select || el.type === TYPE.plural) for (const option of Object.values(el.options)) walk(option.value);
      if (el.type === TYPE.tag) {
        names.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}
