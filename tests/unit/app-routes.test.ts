import { describe, expect, it } from "vitest";
import { appRoutes, exportedMethods, urlFor } from "../helpers/app-routes";

describe("app routes walker", () => {
  it("turns folders into URLs, dropping groups and filling dynamic segments", () => {
    expect(urlFor(["(console)", "settings", "members"])).toBe("/settings/members");
    expect(urlFor(["(console)", "(overview)"])).toBe("/");
    expect(urlFor(["api", "members", "[id]"])).toBe("/api/members/e2e-dummy");
    expect(urlFor(["api", "auth", "[...all]"])).toBe("/api/auth/e2e-dummy/more");
    expect(urlFor(["docs", "[[...slug]]"])).toBe("/docs/e2e-dummy/more");
  });

  it("finds every exported HTTP method, however it is exported", () => {
    expect(exportedMethods(`export const GET = apiRoute(...);\nexport const PATCH = apiRoute(...);`)).toEqual(["GET", "PATCH"]);
    expect(exportedMethods(`export async function POST(req: Request) {}`)).toEqual(["POST"]);
    expect(exportedMethods(`async function handle() {}\nexport { handle as GET, handle as POST };`)).toEqual(["GET", "POST"]);
    expect(exportedMethods(`export const runtime = "nodejs";\nexport const dynamic = "force-dynamic";`)).toEqual([]);
  });

  it("sees this repository's routes and pages", () => {
    const routes = appRoutes();
    expect(routes.find((r) => r.file === "app/api/members/[id]/route.ts")).toMatchObject({ kind: "api", url: "/api/members/e2e-dummy", methods: ["PATCH"] });
    expect(routes.find((r) => r.file === "app/(console)/channels/[channel]/settings/members/page.tsx")).toMatchObject({
      kind: "page",
      url: "/channels/default/settings/members",
    });
    expect(routes.find((r) => r.file === "app/api/auth/[...all]/route.ts")?.methods).toEqual(["GET", "POST"]);
    expect(routes.filter((r) => r.kind === "api").length).toBeGreaterThan(30);
  });
});
