import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { user } from "@/db/schema/auth";
import { createFirstAdmin } from "@/lib/auth/accounts";
import { createTestDatabase, resetTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());
beforeEach(() => resetTestDatabase(t));

// Several instances started together with ADMIN_EMAIL, or two people on the set-up page at once: the
// console gets exactly one first admin, and the others are told it is already set up.
describe("the first admin", () => {
  it("is created once when two instances race for it, with the same or different emails", async () => {
    // On PostgreSQL, a second handle is another instance's own pool: the two transactions truly overlap.
    const other = t.url ? await openDatabase({ kind: "postgres", url: t.url, migrate: false }) : null;
    try {
      const dbs = [t.handle.db, other?.db ?? t.handle.db];
      // The window is a few milliseconds wide: race often enough to hit it.
      for (let round = 0; round < 12; round++) {
        await resetTestDatabase(t);
        const results = await Promise.allSettled(
          ["first@example.com", "first@example.com", "second@example.com", "third@example.com"].map((email, i) =>
            createFirstAdmin(dbs[i % 2]!, { name: "Admin", email, password: "a-long-password-123" }),
          ),
        );
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) expect(r.reason).toMatchObject({ code: "already_set_up" });
        expect(await t.handle.db.select().from(user)).toHaveLength(1);
      }
    } finally {
      await other?.close();
    }
  });
});
