import { describe, expect, it } from "vitest";
import { endOfJstDay, reachFrom } from "@/lib/sends/broadcast-reach";
import { sendReach, sendStage, stageBadge } from "@/lib/sends/send-stage";

describe("broadcast reach", () => {
  it("is followers minus blocks, brought forward by the follows and blocks seen since — not LINE's targeted reach", () => {
    // The walk's numbers: LINE's targeted reach was 1,886, the broadcast used 2,810 messages.
    const reach = reachFrom({ date: "20261203", followers: 2_996, blocks: 190, targetedReaches: 1_886 }, { follows: 7, unfollows: 3 });
    expect(reach).toMatchObject({ estimate: 2_810, basis: "line", followsSince: 7, blocksSince: 3, targetedReaches: 1_886 });
  });

  it("never goes below zero", () => {
    expect(reachFrom({ date: "20261203", followers: 3, blocks: 1, targetedReaches: 0 }, { follows: 0, unfollows: 9 }).estimate).toBe(0);
  });

  it("counts events from the end of LINE's day, which is in UTC+9", () => {
    expect(endOfJstDay("20261203").toISOString()).toBe("2026-12-03T15:00:00.000Z");
    expect(endOfJstDay("20261231").toISOString()).toBe("2026-12-31T15:00:00.000Z");
  });
});

describe("send stage", () => {
  const narrowcast = { kind: "narrowcast", recipientCount: null };

  it("says LINE is delivering a narrowcast it is sending, with how many so far out of the target", () => {
    const s = { ...narrowcast, status: "sending", progress: { phase: "sending", targetCount: 95, successCount: 9 } };
    expect(sendStage(s)).toBe("line_sending");
    expect(stageBadge(sendStage(s))).toBe("delivering");
    expect(sendReach(s)).toEqual({ kind: "progress", delivered: 9, of: 95 });
  });

  it("tells a narrowcast LINE accepted and is preparing from one not yet handed over", () => {
    expect(sendStage({ ...narrowcast, status: "sending", progress: { phase: "waiting" } })).toBe("line_waiting");
    expect(sendStage({ ...narrowcast, status: "sending", progress: { phase: "unknown" } })).toBe("line_waiting");
    expect(sendStage({ ...narrowcast, status: "sending", progress: null })).toBe("handing_over");
    expect(sendStage({ ...narrowcast, status: "queued", progress: null })).toBe("queued");
  });

  it("gives a finished narrowcast LINE's exact count", () => {
    const s = { ...narrowcast, status: "sent", recipientCount: 91, progress: { phase: "succeeded", targetCount: 95, successCount: 91 } };
    expect(sendStage(s)).toBe("sent");
    expect(sendReach(s)).toEqual({ kind: "exact", count: 91 });
  });

  it("gives a broadcast the estimate made when it was sent, never an exact count", () => {
    expect(sendReach({ kind: "broadcast", status: "sent", recipientCount: null, estimatedRecipients: 2_810 })).toEqual({ kind: "estimate", count: 2_810 });
    expect(sendReach({ kind: "broadcast", status: "sent", recipientCount: null })).toEqual({ kind: "unknown" });
  });

  it("keeps failures and partial sends as they are", () => {
    expect(sendStage({ kind: "multicast", status: "partially_sent", recipientCount: 900 })).toBe("partial");
    expect(stageBadge("partial")).toBe("partially_sent");
    expect(sendStage({ ...narrowcast, status: "failed", progress: { phase: "failed" } })).toBe("failed");
  });
});
