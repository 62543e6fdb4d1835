import { parse } from "content-disposition";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/contacts/export/route";
import * as segmentExportRoute from "@/app/api/segments/[id]/export/route";
import * as segmentsRoute from "@/app/api/segments/route";
import * as setupRoute from "@/app/api/setup/route";
import { useProcessDatabase } from "../helpers/process-db";
import { RouteClient } from "../helpers/route-client";

// Downloads are named as the operator named what they export, in any script: the Content-Disposition
// header carries RFC 6266's filename* (UTF-8), which every browser reads, and an ASCII stand-in.

let cleanup: () => Promise<void>;
const admin = new RouteClient("203.0.113.1");

beforeAll(async () => {
  cleanup = await useProcessDatabase();
  const setup = { name: "Aiko Admin", email: "aiko@example.com", password: "plum-blossom-42-tea" };
  expect((await admin.call(setupRoute.POST, "POST", "/api/setup", { body: setup })).status).toBe(201);
});
afterAll(() => cleanup());

async function download(handler: Parameters<RouteClient["send"]>[0], path: string, params?: Record<string, string>) {
  const res = await admin.send(handler, "GET", path, { params });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
  return parse(res.headers.get("content-disposition")!);
}

describe("downloads", () => {
  it("name a segment's CSV after the segment, in Chinese, Japanese or Thai", async () => {
    for (const name of ["台北 VIP", "東京・常連さん", "ลูกค้าประจำ"]) {
      const created = await admin.call(segmentsRoute.POST, "POST", "/api/segments", { body: { name, filter: {} } });
      expect(created.status).toBe(201);
      const id = String(created.json.id);
      const disposition = await download(segmentExportRoute.GET, `/api/segments/${id}/export`, { id });
      expect(disposition.type).toBe("attachment");
      expect(disposition.parameters.filename).toBe(`${name}.csv`);
    }
  });

  it("keep what a file system refuses out of the name", async () => {
    const created = await admin.call(segmentsRoute.POST, "POST", "/api/segments", { body: { name: 'Q1/Q2: "VIP"?', filter: {} } });
    const id = String(created.json.id);
    expect((await download(segmentExportRoute.GET, `/api/segments/${id}/export`, { id })).parameters.filename).toBe("Q1-Q2- -VIP.csv");
  });

  it("date the friends list's export", async () => {
    const disposition = await download(exportRoute.GET, "/api/contacts/export");
    expect(disposition.parameters.filename).toMatch(/^friends-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});
