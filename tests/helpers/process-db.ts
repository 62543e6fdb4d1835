import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { stopRuntime } from "@/lib/runtime/current";
import { resetEnvCache } from "@/lib/env.js";
import { adminQuery, withDatabase } from "./db-global-setup";

/**
 * Point this test file's process runtime (lib/runtime/runtime.ts) at a fresh database, so route
 * handlers can be called as Next calls them. Returns the cleanup for afterAll.
 */
export async function useProcessDatabase(extraEnv: Record<string, string> = {}) {
  const config = inject("testDb");
  let drop: () => Promise<void>;
  if (config.kind === "postgres") {
    const name = `oa_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(config.url, `create database ${name} template ${config.template}`);
    process.env.DATABASE_URL = withDatabase(config.url, name);
    drop = () => adminQuery(config.url, `drop database if exists ${name} with (force)`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oa-process-db-"));
    process.env.PGLITE_DATA_DIR = path.join(dir, "pglite");
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  Object.assign(process.env, { APP_URL: "http://console.test", ...extraEnv });
  resetEnvCache();
  return async () => {
    await stopRuntime();
    await drop();
    resetEnvCache();
  };
}
