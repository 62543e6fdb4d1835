import { cookies } from "next/headers";
import { MemberProvider, type CurrentMember } from "@/components/auth/member-context";
import { DemoBanner } from "@/components/demo/demo-banner";
import { AppShell } from "@/components/layout/app-shell";
import { ConsoleFlagsProvider } from "@/components/layout/console-flags";
import { SIDEBAR_COOKIE } from "@/components/layout/sidebar-state";
import { requirePageActor, type PageActor } from "@/lib/runtime/page-context";
import { demoEnabled } from "@/lib/demo/fake-control";
import { env } from "@/lib/env.js";

// Every console page is for signed-in members: checked here against the database (proxy.ts only
// redirects when there is no cookie at all). The member's role goes to the client (useRole/useCan)
// so the console can hide what they cannot do; the API refuses it regardless.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor("viewer");
  const collapsed = (await cookies()).get(SIDEBAR_COOKIE)?.value === "rail";
  const demo = demoEnabled();
  const banner = demo ? <DemoBanner fakeUrl={env().FAKE_LINE_URL!} /> : undefined;
  return (
    <MemberProvider member={currentMember(actor)}>
      <ConsoleFlagsProvider demo={demo}>
        <AppShell sidebarCollapsed={collapsed} banner={banner}>
          {children}
        </AppShell>
      </ConsoleFlagsProvider>
    </MemberProvider>
  );
}

// Only what the browser needs: never the session id.
function currentMember(actor: PageActor): CurrentMember {
  return actor.kind === "user"
    ? { kind: "user", id: actor.id, name: actor.name, email: actor.email, role: actor.role, locale: actor.locale, timeZone: actor.timeZone }
    : { kind: "apiKey", id: actor.id, name: actor.name, email: "", role: actor.role, locale: null, timeZone: null };
}
