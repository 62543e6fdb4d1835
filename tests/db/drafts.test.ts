import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiKeysRoute from "@/app/api/api-keys/route";
import * as draftRoute from "@/app/api/drafts/[id]/route";
import * as draftsRoute from "@/app/api/drafts/route";
import * as workingRoute from "@/app/api/drafts/working/route";
import * as setupRoute from "@/app/api/setup/route";
import { useProcessDatabase } from "../helpers/process-db";
import { RouteClient } from "../helpers/route-client";

// The composer autosaves as the operator types. It used to create a draft per composition (a walk
// through the composers left fifteen); now each member has one working draft that a new composition
// replaces, and naming a draft or pressing "Save draft" keeps it.

let cleanup: () => Promise<void>;
const admin = new RouteClient("203.0.113.1");
let script: RouteClient;

beforeAll(async () => {
  cleanup = await useProcessDatabase();
  const res = await admin.call(setupRoute.POST, "POST", "/api/setup", {
    body: { name: "Aiko Admin", email: "aiko@example.com", password: "plum-blossom-42-tea" },
  });
  expect(res.status).toBe(201);
  const key = await admin.call(apiKeysRoute.POST, "POST", "/api/api-keys", { body: { name: "campaign script", role: "operator" } });
  script = new RouteClient("203.0.113.2", key.json.key);
});
afterAll(async () => cleanup());

const body = (text: string) => ({ messages: [{ type: "text", text }] });
const list = async () =>
  (await admin.call(draftsRoute.GET, "GET", "/api/drafts")).json.items as Array<{
    id: string;
    title: string;
    working: boolean;
    authorLabel: string;
    body: { messages: Array<{ text: string }> };
  }>;

describe("working drafts", () => {
  it("keeps one working draft per member: a second composition replaces the first", async () => {
    const first = await admin.call(draftsRoute.POST, "POST", "/api/drafts", { body: { kind: "push", title: "", body: body("first try"), working: true } });
    const second = await admin.call(draftsRoute.POST, "POST", "/api/drafts", {
      body: { kind: "broadcast", title: "", body: body("second try"), working: true },
    });
    expect(first.status).toBe(200);
    expect(second.json.id).toBe(first.json.id);
    const mine = (await list()).filter((d) => d.working);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body.messages[0]!.text).toBe("second try");
    const working = await admin.call(workingRoute.GET, "GET", "/api/drafts/working");
    expect(working.json).toMatchObject({ id: first.json.id, kind: "broadcast", working: true });
  });

  it("gives another member a working draft of their own", async () => {
    const theirs = await script.call(draftsRoute.POST, "POST", "/api/drafts", {
      body: { kind: "push", title: "", body: body("from the script"), working: true },
    });
    const mine = await admin.call(workingRoute.GET, "GET", "/api/drafts/working");
    expect(theirs.json.id).not.toBe(mine.json.id);
    expect((await list()).filter((d) => d.working)).toHaveLength(2);
  });

  it("keeps a working draft once it is saved, and the next composition starts a new one", async () => {
    const working = (await admin.call(workingRoute.GET, "GET", "/api/drafts/working")).json;
    const kept = await admin.call(draftRoute.PUT, "PUT", `/api/drafts/${working.id}`, {
      params: { id: working.id },
      body: { kind: "broadcast", title: "Spring sale", body: body("second try"), working: false },
    });
    expect(kept.json).toMatchObject({ id: working.id, working: false, title: "Spring sale" });
    expect((await admin.call(workingRoute.GET, "GET", "/api/drafts/working")).status).toBe(404);
    const next = await admin.call(draftsRoute.POST, "POST", "/api/drafts", { body: { kind: "push", title: "", body: body("third"), working: true } });
    expect(next.json.id).not.toBe(working.id);
    expect((await list()).find((d) => d.id === working.id)).toMatchObject({ title: "Spring sale", working: false });
  });

  it("still creates a named draft on its own", async () => {
    const before = (await list()).length;
    const named = await admin.call(draftsRoute.POST, "POST", "/api/drafts", { body: { kind: "narrowcast", title: "Autumn", body: body("autumn") } });
    expect(named.status).toBe(201);
    expect(named.json.working).toBe(false);
    expect(await list()).toHaveLength(before + 1);
  });
});
