import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorMessage } from "@/components/common/error-message";
import { FieldErrors } from "@/components/sends/composer/field";
import { LineFailure } from "@/components/sends/line-failure";
import { ApiError } from "@/lib/client/api-client";
import { catalogues, type CatalogueLocale } from "../helpers/catalogues";

// What the operator reads when something fails: our explanation in their language first, and LINE's own
// (English) words beside it, marked lang="en" so they are read and drawn as English.

describe("ErrorMessage", () => {
  const lineRefused = new ApiError(400, "line_refused", "The request body has 1 error(s)", [{ property: "messages[0].text", message: "May not be empty" }]);

  it.each(["ja", "zh-TW", "th", "en"] as const)("in %s: our explanation, then LINE's words in English beside it", (locale) => {
    const html = render(locale, createElement(ErrorMessage, { error: lineRefused }));
    const explanation = catalogues[locale].errors.codes.line_refused;
    expect(html).toContain(explanation);
    expect(html).toContain(catalogues[locale].errors.lineSaid);
    expect(html).toMatch(/<q lang="en"[^>]*>The request body has 1 error\(s\)<\/q>/);
    expect(html.indexOf(explanation)).toBeLessThan(html.indexOf("The request body"));
    // LINE's detail is its own English too.
    expect(html).toMatch(/<span lang="en">May not be empty<\/span>/);
  });

  it("shows our server's details in the operator's language, and never our English message for a known code", () => {
    const error = new ApiError(400, "invalid_request", "The request has 1 error(s): segmentId: must be a segment id", [
      { property: "segmentId", message: "must be a segment id", key: "validation.segmentId" },
    ]);
    const html = render("ja", createElement(ErrorMessage, { error }));
    expect(html).toContain(catalogues.ja.errors.codes.invalid_request);
    expect(html).toContain(catalogues.ja.validation.segmentId);
    expect(html).not.toContain("must be a segment id");
  });

  it("keeps the server's English for a code the catalogues do not know yet, marked as English", () => {
    const html = render("ja", createElement(ErrorMessage, { error: new ApiError(418, "teapot", "I am a teapot") }));
    expect(html).toContain(catalogues.ja.errors.codes.unknown);
    expect(html).toMatch(/<p lang="en"[^>]*>I am a teapot<\/p>/);
  });
});

describe("LineFailure", () => {
  it("explains a send's failure in the operator's language, LINE's words beside it", () => {
    const html = render(
      "zh-TW",
      createElement(LineFailure, { error: { status: 429, reason: "monthly_quota", message: "You have reached your monthly limit." } }),
    );
    expect(html).toContain(catalogues["zh-TW"].sends.outcome.reasons.monthly_quota);
    expect(html).toMatch(/<q lang="en"[^>]*>You have reached your monthly limit\.<\/q>/);
  });

  it("never shows LINE's words alone, even for a reason it does not know", () => {
    const html = render(
      "ja",
      createElement(LineFailure, { error: { status: 400, reason: "something_new", message: "The property, 'to', must be specified." } }),
    );
    expect(html).toContain(catalogues.ja.errors.codes.line_refused);
    expect(html.indexOf(catalogues.ja.errors.codes.line_refused)).toBeLessThan(html.indexOf("The property"));
  });
});

describe("FieldErrors", () => {
  it("leads LINE's words with ours and marks them English; ours stay as they are", () => {
    const html = render("th", createElement(FieldErrors, { errors: [{ text: "Invalid action URI", fromLine: true }, catalogues.th.validation.httpsUrl] }));
    expect(html).toContain(`${catalogues.th.errors.lineSaid} <q lang="en">Invalid action URI</q>`);
    expect(html).toContain(catalogues.th.validation.httpsUrl);
  });
});

function render(locale: CatalogueLocale, node: ReactNode): string {
  const props: ComponentProps<typeof NextIntlClientProvider> = { locale, messages: catalogues[locale], timeZone: "UTC", children: node };
  return renderToStaticMarkup(createElement(NextIntlClientProvider, props));
}
