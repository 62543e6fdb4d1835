import { randomBytes } from "node:crypto";
import fs from "node:fs";

/** A fresh, empty database for a benchmark run: a new PGlite directory, or a new PostgreSQL database. */
export async function freshDatabase(engine: string, name: string) {
  if (engine === "pglite") {
    const dir = `.tmp/bench-${name}-${Date.now()}`;
    return { env: { PGLITE_DATA_DIR: dir } as Record<string, string>, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  if (engine !== "postgres") throw new Error(`unknown engine ${engine} (pglite or postgres)`);
  const admin = process.env.BENCH_DATABASE_URL ?? "postgres://oa:oa@127.0.0.1:5432/postgres";
  const db = `bench_${name}_${randomBytes(4).toString("hex")}`;
  await adminQuery(admin, `create database ${db}`);
  const url = new URL(admin);
  url.pathname = `/${db}`;
  return {
    env: { DATABASE_URL: url.toString() } as Record<string, string>,
    drop: () => adminQuery(admin, `drop database if exists ${db} with (force)`),
  };
}

async function adminQuery(url: string, sql: string) {
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
