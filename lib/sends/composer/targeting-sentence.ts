import { AREAS } from "@/lib/line/areas";
import type { DemographicFilter, Recipient } from "@/lib/sends/narrowcast-schema";

// A narrowcast's targeting as one sentence in the operator's language ("women aged 20–34 in Taipei or
// New Taipei, friends for 30+ days, at most 1,000"). Works on LINE's JSON, so the composer and the
// send detail page say the same thing. Word order differs by language: the "targeting" messages hold
// the templates, this file only decides which parts there are. Areas are named in English for English
// and by their local names (東京都, 臺北市) otherwise.

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface Targeting {
  recipient?: Recipient;
  filter?: { demographic: DemographicFilter } | DemographicFilter;
  limit?: { max?: number; upToRemainingQuota?: boolean; forbidPartialDelivery?: boolean };
}

export function describeTargeting(targeting: Targeting, t: Translate, locale: string): string {
  const ctx = { t, locale };
  const demographic =
    targeting.filter && "demographic" in targeting.filter ? targeting.filter.demographic : (targeting.filter as DemographicFilter | undefined);
  const parts: string[] = [];
  if (targeting.recipient) parts.push(render(targeting.recipient, ctx, false));
  parts.push(...people(demographic, ctx, Boolean(targeting.recipient)));
  const limit = targeting.limit;
  if (limit?.max) parts.push(t("limitMax", { max: new Intl.NumberFormat(locale).format(limit.max) }));
  if (limit?.upToRemainingQuota) parts.push(t(limit.forbidPartialDelivery ? "limitQuotaAllOrNothing" : "limitQuota"));
  return parts.join(t("separator"));
}

interface Ctx {
  t: Translate;
  locale: string;
}

// The subject ("women", "friends") with its modifiers (age, area, OS), then everything else as clauses.
function people(filter: DemographicFilter | undefined, ctx: Ctx, hasRecipient: boolean): string[] {
  const { t } = ctx;
  if (!filter) return hasRecipient ? [] : [t("everyone")];
  const source = filter.type === "operator" ? (filter.and ?? null) : [filter];
  if (!source) return [render(filter, ctx, false)];
  const items = [...source];

  const pick = (type: string) => {
    const i = items.findIndex((x) => x.type === type);
    return i === -1 ? undefined : items.splice(i, 1)[0];
  };
  const gender = pick("gender");
  const modifiers = (["age", "area", "appType"] as const).map((type) => pick(type)).filter((x): x is DemographicFilter => x !== undefined);

  const subject = gender ? genderWords(gender as Extract<DemographicFilter, { type: "gender" }>, ctx) : t("friends");
  const ordered = orderModifiers(modifiers, t("modifierOrder"));
  const person = ordered.length
    ? t("person", {
        subject,
        modifiers: ordered.map((m) => leaf(m as Exclude<DemographicFilter, { type: "operator" }>, ctx, "modifier")).join(t("modifierSeparator")),
      })
    : subject;
  return [person, ...items.map((x) => render(x, ctx, false))];
}

function render(node: DemographicFilter | Recipient, ctx: Ctx, nested: boolean): string {
  const { t, locale } = ctx;
  if (node.type !== "operator") return leaf(node, ctx, "clause");
  if (node.not) return t("not", { x: render(node.not, ctx, true) });
  const children = (node.and ?? node.or ?? []) as Array<DemographicFilter | Recipient>;
  const text = new Intl.ListFormat(locale, { type: node.and ? "conjunction" : "disjunction" }).format(children.map((c) => render(c, ctx, true)));
  return nested && children.length > 1 ? t("group", { x: text }) : text;
}

function leaf(node: Exclude<DemographicFilter | Recipient, { type: "operator" }>, ctx: Ctx, form: "modifier" | "clause"): string {
  const { t, locale } = ctx;
  const or = (xs: string[]) => new Intl.ListFormat(locale, { type: "disjunction" }).format(xs);
  switch (node.type) {
    case "gender":
      return genderWords(node, ctx);
    case "age": {
      const from = node.gte ? Number(node.gte.slice(4)) : null;
      const to = node.lt ? Number(node.lt.slice(4)) : null;
      return from !== null && to !== null ? t("ageRange", { from, to: to - 1 }) : from !== null ? t("ageFrom", { from }) : t("ageUnder", { to: to ?? 0 });
    }
    case "subscriptionPeriod": {
      const from = node.gte ? Number(node.gte.slice(4)) : null;
      const to = node.lt ? Number(node.lt.slice(4)) : null;
      return from !== null && to !== null
        ? t("periodRange", { from, to: to - 1 })
        : from !== null
          ? t("periodFrom", { from })
          : t("periodUnder", { to: to ?? 0 });
    }
    case "area":
      return t(form === "modifier" ? "areaModifier" : "area", { areas: or(node.oneOf.map((code) => areaName(code, locale))) });
    case "appType":
      return t(form === "modifier" ? "appTypeModifier" : "appType", { os: or(node.oneOf.map((os) => (os === "ios" ? "iOS" : "Android"))) });
    case "audience":
      return t("audience", { id: node.audienceGroupId });
    case "redelivery":
      return t("redelivery", { id: node.requestId.slice(0, 8) });
  }
}

function genderWords(node: { oneOf: Array<"male" | "female"> }, ctx: Ctx) {
  const words = node.oneOf.map((g) => ctx.t(g === "female" ? "women" : "men"));
  return new Intl.ListFormat(ctx.locale, { type: "disjunction" }).format(words);
}

function orderModifiers(modifiers: DemographicFilter[], order: string) {
  const rank = order.split(" ");
  return [...modifiers].sort((a, b) => rank.indexOf(a.type) - rank.indexOf(b.type));
}

export function areaName(code: string, locale: string): string {
  const area = AREAS.find((a) => a.code === code);
  if (!area) return code;
  return locale === "en" ? area.en : area.local;
}
