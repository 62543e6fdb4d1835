import type { Readable } from "node:stream";
import type { webhook } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventsJson, FriendsJson } from "./helpers/control-types";
import { httpError, sleep, startTestFake, type TestFake } from "./helpers/start-fake";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe("message content (api-data paths)", () => {
  let t: TestFake;
  let userId: string;

  beforeAll(async () => {
    t = await startTestFake({ contentPreparingMs: 150 });
    userId = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=1")).users[0]?.userId ?? "";
  });
  afterAll(() => t.close());

  const send = async (spec: Record<string, unknown>) => {
    const { events } = await t.control.post<EventsJson>(`/__fake/friends/${userId}/messages`, spec);
    return events[0]?.message as Record<string, unknown> & { id: string };
  };

  it("serves a PNG for an image and a smaller preview", async () => {
    const message = await send({ type: "image" });
    expect(message.contentProvider).toEqual({ type: "line" });
    const { httpResponse, body } = await t.blob.getMessageContentWithHttpInfo(message.id);
    expect(httpResponse.status).toBe(200);
    expect(httpResponse.headers.get("content-type")).toBe("image/png");
    const original = await bytesOf(body);
    expect(original.subarray(0, 8)).toEqual(PNG);
    expect(original.readUInt32BE(16)).toBe(640);
    const preview = await bytesOf(await t.blob.getMessageContentPreview(message.id));
    expect(preview.subarray(0, 8)).toEqual(PNG);
    expect(preview.readUInt32BE(16)).toBe(160);
  });

  it("answers 202 while a video is being prepared, then serves it", async () => {
    const message = await send({ type: "video", durationMs: 4000 });
    const early = await t.blob.getMessageContentWithHttpInfo(message.id);
    expect(early.httpResponse.status).toBe(202);
    expect((await t.blob.getMessageContentTranscodingByMessageId(message.id)).status).toBe("processing");
    await sleep(200);
    expect((await t.blob.getMessageContentTranscodingByMessageId(message.id)).status).toBe("succeeded");
    const ready = await t.blob.getMessageContentWithHttpInfo(message.id);
    expect(ready.httpResponse.status).toBe(200);
    expect(ready.httpResponse.headers.get("content-type")).toBe("video/mp4");
    const bytes = await bytesOf(ready.body);
    expect(bytes.subarray(4, 8).toString("ascii")).toBe("ftyp");
  });

  it("serves audio as a playable WAV of the message's duration", async () => {
    const message = await send({ type: "audio", durationMs: 1500 });
    expect(message).toMatchObject({ type: "audio", duration: 1500, contentProvider: { type: "line" } });
    await sleep(200);
    const { httpResponse, body } = await t.blob.getMessageContentWithHttpInfo(message.id);
    expect(httpResponse.headers.get("content-type")).toBe("audio/wav");
    const wav = await bytesOf(body);
    expect(wav.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(wav.length).toBe(44 + 8000 * 1.5);
  });

  it("serves a file whose length is the event's fileSize", async () => {
    const message = (await send({ type: "file", fileName: "menu.pdf" })) as unknown as webhook.FileMessageContent;
    const bytes = await bytesOf(await t.blob.getMessageContent(message.id));
    expect(bytes.length).toBe(message.fileSize);
    expect(bytes.subarray(0, 5).toString("ascii")).toBe("%PDF-");
  });

  it("answers 404 for unknown ids, messages without content and external content", async () => {
    for (const id of ["123456789012345678", (await send({ type: "text" })).id, (await send({ type: "image", external: true })).id]) {
      const err = await httpError(t.blob.getMessageContent(id));
      expect(err.status).toBe(404);
    }
  });

  it("answers 410 for content of a message the user unsent", async () => {
    const message = await send({ type: "image" });
    const { events } = await t.control.post<EventsJson>(`/__fake/friends/${userId}/unsend`, { messageId: message.id });
    expect(events[0]).toMatchObject({ type: "unsend", unsend: { messageId: message.id } });
    const err = await httpError(t.blob.getMessageContent(message.id));
    expect(err.status).toBe(410);
    expect(err.json).toEqual({ message: "The content is gone" });
  });

  it("answers 400 for a preview of audio and the transcoding status of an image", async () => {
    const audio = await send({ type: "audio" });
    expect((await httpError(t.blob.getMessageContentPreview(audio.id))).status).toBe(400);
    const image = await send({ type: "image" });
    expect((await httpError(t.blob.getMessageContentTranscodingByMessageId(image.id))).status).toBe(400);
  });
});
