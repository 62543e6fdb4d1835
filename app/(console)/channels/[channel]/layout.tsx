import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { MemberProvider, type CurrentMember } from "@/components/auth/member-context";
import { DemoBanner } from "@/components/demo/demo-banner";
import { AppShell } from "@/components/layout/app-shell";
import { ChannelProvider, type ChannelView } from "@/components/layout/channel-context";
import { ConsoleFlagsProvider } from "@/components/layout/console-flags";
import { SIDEBAR_COOKIE } from "@/components/layout/sidebar-state";
import { channelsVisibleTo, type ChannelWithRole } from "@/lib/channel/access";
import { getPageChannel, requirePageActor, type PageActor } from "@/lib/runtime/page-context";
import { getRuntime } from "@/lib/runtime/runtime";
import { demoEnabled } from "@/lib/demo/fake-control";
import { env } from "@/lib/env.js";

// Each page's title names the channel too ("Events · Cafe Sakura · OA Console"): tabs of two channels
// open side by side must not look alike. getPageChannel is cached per request; the layout asks it again.
export async function generateMetadata({ params }: { params: Promise<{ channel: string }> }): Promise<Metadata> {
  const channel = await getPageChannel((await params).channel);
  if (!channel) return {};
  const appName = (await getTranslations("common"))("appName");
  return { title: { template: `%s · ${channel.name} · ${appName}`, default: `${channel.name} · ${appName}` } };
}

// Every console page is for signed-in members, on a channel they may see: checked here against the
// database (proxy.ts only redirects when there is no cookie at all). The member's role on this channel
// goes to the client (useRole/useCan) so the console can hide what they cannot do; the API refuses it
// regardless. The channels they may see feed the switcher.
export default async function ConsoleLayout({ children, params }: { children: React.ReactNode; params: Promise<{ channel: string }> }) {
  const actor = await requirePageActor(params, "viewer");
  const channels = await channelsVisibleTo((await getRuntime()).db, actor);
  const collapsed = (await cookies()).get(SIDEBAR_COOKIE)?.value === "rail";
  const demo = demoEnabled();
  const banner = demo ? <DemoBanner fakeUrl={env().FAKE_LINE_URL!} /> : undefined;
  return (
    <MemberProvider member={currentMember(actor)}>
      <ChannelProvider current={channelView(actor.channel)} channels={channels.map(channelView)}>
        <ConsoleFlagsProvider demo={demo}>
          <AppShell sidebarCollapsed={collapsed} banner={banner}>
            {children}
          </AppShell>
        </ConsoleFlagsProvider>
      </ChannelProvider>
    </MemberProvider>
  );
}

// Only what the browser needs: never the session id, a secret or a token.
function currentMember(actor: PageActor): CurrentMember {
  const consoleAdmin = actor.consoleRole === "admin";
  return actor.kind === "user"
    ? { kind: "user", id: actor.id, name: actor.name, email: actor.email, role: actor.role, consoleAdmin, locale: actor.locale, timeZone: actor.timeZone }
    : { kind: "apiKey", id: actor.id, name: actor.name, email: "", role: actor.role, consoleAdmin, locale: null, timeZone: null };
}

function channelView(c: ChannelWithRole): ChannelView {
  return {
    id: c.id,
    key: c.slug,
    name: c.name,
    basicId: c.basicId,
    pictureUrl: c.pictureUrl,
    archived: Boolean(c.archivedAt),
    role: c.role === "metrics" ? "viewer" : c.role,
  };
}
