import { cookies } from "next/headers";
import { AppShell } from "@/components/layout/app-shell";
import { SIDEBAR_COOKIE } from "@/components/layout/sidebar-state";
import { requirePageActor } from "@/lib/auth/page-actor";

// Every console page is for signed-in members: checked here against the database (proxy.ts only
// redirects when there is no cookie at all).
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor("viewer");
  const collapsed = (await cookies()).get(SIDEBAR_COOKIE)?.value === "rail";
  return <AppShell sidebarCollapsed={collapsed}>{children}</AppShell>;
}
