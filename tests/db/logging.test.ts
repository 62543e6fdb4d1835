import { afterEach, describe, expect, it } from "vitest";
import { createLog, replaceLog } from "@/lib/platform/log";
import { errorResponse } from "@/lib/platform/http/errors";
import { createWebhookIntake } from "@/lib/webhook/intake";
import { callbackBody, eventBuilders } from "../fixtures/webhook-events";
import { createTestDatabase } from "../helpers/test-db";
import { sign, TEST_SECRET, webhookRequest } from "../helpers/webhook";

// What reaches the log: structured lines with the ids that trace a problem (request, delivery), and
// never a secret, a token, a password, a cookie, or what a friend wrote.

const lines: Array<Record<string, unknown>> = [];
const raw: string[] = [];
let restore: (() => void) | undefined;

function capture(level = "debug") {
  lines.length = 0;
  raw.length = 0;
  restore = replaceLog(
    createLog({
      level,
      pretty: false,
      destination: {
        write(line: string) {
          raw.push(line);
          lines.push(JSON.parse(line) as Record<string, unknown>);
        },
      },
    }),
  );
}
afterEach(() => restore?.());

describe("logging", () => {
  it("redacts secrets, tokens, passwords, cookies and authorization wherever they sit in a line", () => {
    capture();
    const l = createLog({ pretty: false, destination: { write: (line: string) => raw.push(line) } });
    l.info(
      { password: "hunter2-plum", token: "tok-123", headers: { cookie: "oa.session=abc", authorization: "Bearer key-xyz" }, body: { secret: "s3cr3t" } },
      "hello",
    );
    const text = raw.join("");
    for (const leak of ["hunter2-plum", "tok-123", "oa.session=abc", "key-xyz", "s3cr3t"]) expect(text).not.toContain(leak);
    expect(text).toContain("[redacted]");
  });

  it("a 500 names its request id in the answer, its header and the log line", async () => {
    capture();
    const res = errorResponse(new TypeError("x is undefined"), { requestId: "01JREQUEST" });
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBe("01JREQUEST");
    expect(await res.json()).toMatchObject({ code: "internal_error", requestId: "01JREQUEST" });
    expect(lines).toEqual([expect.objectContaining({ level: "error", scope: "api", reqId: "01JREQUEST", msg: "unexpected error" })]);
  });

  it("a delivery the database could not take is logged with its id, without the body, its reply tokens or the signature", async () => {
    const t = await createTestDatabase();
    const intake = createWebhookIntake({ db: t.handle.db, writeConcurrency: 1, channel: async () => ({ secret: TEST_SECRET, archived: false }) });
    await t.close();
    capture();
    const event = eventBuilders["message/text"]!() as { replyToken: string; message: { text: string } };
    const body = callbackBody([event]);
    const res = await intake.handle(webhookRequest(body), t.channelId);
    expect(res.status).toBe(503);
    const line = lines.find((l) => l.scope === "webhook");
    expect(line).toMatchObject({ level: "error", deliveryId: expect.stringMatching(/^[0-9A-Z]{26}$/) });
    const text = raw.join("");
    expect(text).not.toContain(event.replyToken);
    expect(text).not.toContain(event.message.text);
    expect(text).not.toContain(sign(body));
    await intake.close().catch(() => {});
  });

  it("honours LOG_LEVEL: below the level, nothing is written", () => {
    capture("warn");
    const l = createLog({ level: "warn", pretty: false, destination: { write: (line: string) => raw.push(line) } });
    l.info("not written");
    l.warn("written");
    expect(raw.map((r) => JSON.parse(r).msg)).toEqual(["written"]);
  });
});
