// A process of its own on a PGlite data directory, as a server holds one (tests/db/pglite-lock.test.ts runs
// it with `node --import tsx`). "hold": open it, write a row, print "open" and wait to be killed.
// "read": open it, print "rows N" (the rows the holders wrote), close it and exit. A failure to open is
// printed on stderr, exit code 1.
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";

const [mode, dataDir] = process.argv.slice(2);
if ((mode !== "hold" && mode !== "read") || !dataDir) throw new Error("usage: pglite-process.ts hold|read <data dir>");

try {
  const handle = await openDatabase({ kind: "pglite", dataDir, migrate: false });
  await handle.db.execute(sql`create table if not exists lock_test (pid int, at timestamptz default now())`);
  if (mode === "hold") {
    await handle.db.execute(sql`insert into lock_test (pid) values (${process.pid})`);
    console.log("open");
    setInterval(() => {}, 60_000);
  } else {
    const res = (await handle.db.execute(sql`select count(*)::int as n from lock_test`)) as unknown as { rows: Array<{ n: number }> };
    console.log(`rows ${res.rows[0]!.n}`);
    await handle.close();
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
