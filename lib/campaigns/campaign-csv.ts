import { create as contentDisposition } from "content-disposition";
import { CSV_BOM, csvRow } from "@/lib/contacts/csv";
import type { Stat } from "./figures";
import type { CampaignDetail } from "./read-campaigns";

// A campaign's figures as CSV for a spreadsheet (UTF-8 with a BOM, so Excel reads CJK and Thai names):
// one row per send, then one per link clicked. A figure LINE hid (fewer than 20) is "<20", never 0; one
// not known (not fetched yet, or not reported by LINE) is empty.

const COLUMNS = [
  "row",
  "campaign",
  "send_id",
  "kind",
  "sent_at",
  "status",
  "measured_by",
  "sent",
  "sent_is_estimate",
  "delivered",
  "opened",
  "clicked",
  "unfollows_24h",
  "url",
  "url_clicks",
  "url_unique_clicks",
  "fetched_at",
];

export function campaignCsv(c: CampaignDetail): string {
  let out = CSV_BOM + csvRow(COLUMNS);
  for (const s of c.sends) {
    const measuredBy = s.subject ?? (s.notMeasured ? `not measured: ${s.notMeasured}` : "");
    out += csvRow([
      "send",
      c.name,
      s.id,
      s.kind,
      s.createdAt,
      s.status,
      measuredBy,
      cell(s.funnel.sent),
      s.funnel.sent.estimate ? "true" : "false",
      cell(s.funnel.delivered),
      cell(s.funnel.opened),
      cell(s.funnel.clicked),
      s.unfollows.count,
      "",
      "",
      "",
      s.fetchedAt ?? "",
    ]);
    for (const click of s.clicks) {
      out += csvRow([
        "click",
        c.name,
        s.id,
        s.kind,
        s.createdAt,
        s.status,
        measuredBy,
        "",
        "",
        "",
        "",
        "",
        "",
        click.url,
        cell(click.clicks),
        cell(click.uniqueClicks),
        s.fetchedAt ?? "",
      ]);
    }
  }
  return out;
}

export function campaignCsvResponse(c: CampaignDetail): Response {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(campaignCsv(c), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      // RFC 6266's filename* carries a campaign's name in any script.
      "content-disposition": contentDisposition(`campaign-${fileSafe(c.name)}-${day}.csv`),
      "cache-control": "no-store",
    },
  });
}

function cell(s: Stat): string | number {
  if (s.value !== null) return s.value;
  return s.hidden ? "<20" : "";
}

function fileSafe(name: string) {
  return (
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ")
      .trim()
      .slice(0, 40) || "campaign"
  );
}
