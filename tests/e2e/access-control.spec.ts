import { expect, test, type APIRequestContext } from "@playwright/test";
import { appRoutes, type AppRoute } from "../helpers/app-routes";
import { SIGNED_OUT } from "./members";

// Everything under app/ needs a signed-in member or an API key, except this list. A new route or page
// is covered the moment its file exists: forgetting the guard fails here.
const PUBLIC: Record<string, string> = {
  "app/api/line/webhook/route.ts": "LINE's webhook: checked by its signature instead",
  "app/api/line/webhook/[channel]/route.ts": "a channel's own webhook: checked by that channel's signature",
  "app/api/health/route.ts": "liveness for supervisors: answers while the process does, reads nothing",
  "app/api/health/ready/route.ts": "readiness for load balancers: names the failed check (runtime, database, migrations, background), nothing more",
  "app/api/auth/[...all]/route.ts": "better-auth: sign-in (and its code step) and sign-out; the rest closed (lib/auth/auth-endpoints.ts)",
  "app/api/setup/route.ts": "first run; refuses once any account exists",
  "app/api/invitations/accept/route.ts": "needs an open invitation's token",
  "app/api/invitations/lookup/route.ts": "needs an open invitation's token",
  "app/api/password-resets/accept/route.ts": "needs an open reset link's token",
  "app/bench/webhook-baseline/route.ts": "benchmark baseline; 404 unless BENCH_ROUTES=1 (checked below)",
  "app/(auth)/sign-in/page.tsx": "the sign-in page",
  "app/(auth)/setup/page.tsx": "first run; redirects to sign-in once any account exists",
  "app/(auth)/invite/[token]/page.tsx": "needs an open invitation's token",
  "app/(auth)/reset-password/[token]/page.tsx": "needs an open reset link's token",
};

const routes = appRoutes();
const guarded = routes.filter((r) => !(r.file in PUBLIC));
const FORGED_SESSION = "oa.session=forged-session-token.c2lnbmF0dXJl";

test.describe("access control", () => {
  test("the public list names files that exist", () => {
    const files = new Set(routes.map((r) => r.file));
    expect(Object.keys(PUBLIC).filter((f) => !files.has(f))).toEqual([]);
    expect(guarded.length).toBeGreaterThan(30);
  });

  for (const cookie of [null, FORGED_SESSION]) {
    const who = cookie ? "a forged session cookie" : "no session";
    test(`every API route refuses a request with ${who} (401 JSON), whatever the method`, async ({ playwright, baseURL }) => {
      const api = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT, extraHTTPHeaders: cookie ? { cookie } : {} });
      const failures: string[] = [];
      for (const route of guarded.filter((r) => r.kind === "api")) {
        for (const method of route.methods) {
          const res = await call(api, route, method);
          const body = method === "HEAD" ? null : await res.json().catch(() => null);
          if (res.status() !== 401 || (method !== "HEAD" && body?.code !== "unauthenticated"))
            failures.push(`${method} ${route.url} (${route.file}) → ${res.status()} ${JSON.stringify(body)}`);
        }
      }
      await api.dispose();
      expect(failures).toEqual([]);
    });

    test(`every console page sends a visitor with ${who} to sign in`, async ({ playwright, baseURL }) => {
      const api = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT, extraHTTPHeaders: cookie ? { cookie } : {} });
      const failures: string[] = [];
      for (const route of guarded.filter((r) => r.kind === "page")) {
        const res = await api.get(route.url, { maxRedirects: 0 });
        const location = res.headers()["location"] ?? "";
        if (![303, 307, 308].includes(res.status()) || !/^(https?:\/\/[^/]+)?\/sign-in(\?|$)/.test(location)) {
          failures.push(`${route.url} (${route.file}) → ${res.status()} ${location}`);
        }
      }
      await api.dispose();
      expect(failures).toEqual([]);
    });
  }

  test("the benchmark baseline route does not exist unless enabled", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT });
    expect((await api.post("/bench/webhook-baseline", { data: "{}" })).status()).toBe(404);
    await api.dispose();
  });
});

function call(api: APIRequestContext, route: AppRoute, method: string) {
  const hasBody = ["POST", "PUT", "PATCH", "DELETE"].includes(method);
  return api.fetch(route.url, { method, maxRedirects: 0, ...(hasBody ? { data: {} } : {}) });
}
