import { cookies } from "next/headers";
import { DemoBanner } from "@/components/demo/demo-banner";
import { AppShell } from "@/components/layout/app-shell";
import { SIDEBAR_COOKIE } from "@/components/layout/sidebar-state";
import { requirePageActor } from "@/lib/auth/page-actor";
import { demoEnabled } from "@/lib/demo/fake-control";
import { env } from "@/lib/env.js";

// Every console page is for signed-in members: checked here against the database (proxy.ts only
// redirects when there is no cookie at all).
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor("viewer");
  const collapsed = (await cookies()).get(SIDEBAR_COOKIE)?.value === "rail";
  const banner = demoEnabled() ? <DemoBanner fakeUrl={env().FAKE_LINE_URL!} /> : undefined;
  return (
    <AppShell sidebarCollapsed={collapsed} banner={banner}>
      {children}
    </AppShell>
  );
}
