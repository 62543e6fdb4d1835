import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";

// Migrate once, then every test file starts from a copy: a PGlite dump (loads in under a second) or a
// PostgreSQL template database (CREATE DATABASE … TEMPLATE is a file copy).
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `oa_test_template_${process.pid}`;
    await adminQuery(url, `drop database if exists ${template}`);
    await adminQuery(url, `create database ${template}`);
    const handle = await openDatabase({ kind: "postgres", url: withDatabase(url, template) });
    await handle.close();
    project.provide("testDb", { kind: "postgres", url, template });
    return async () => {
      await adminQuery(url, `drop database if exists ${template} with (force)`);
    };
  }
  const handle = await openDatabase({ kind: "pglite" });
  const dump = await handle.dumpDataDir!();
  await handle.close();
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "oa-test-")), "template.tar");
  await fs.writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("testDb", { kind: "pglite", dumpFile: file });
  return async () => {
    await fs.rm(path.dirname(file), { recursive: true, force: true });
  };
}

export async function adminQuery(url: string, query: string) {
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    testDb: { kind: "pglite"; dumpFile: string } | { kind: "postgres"; url: string; template: string };
  }
}
