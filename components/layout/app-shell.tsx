import { getTranslations } from "next-intl/server";
import { LiveProvider } from "@/components/live/live-provider";
import { CommandPaletteProvider } from "./command-palette-provider";
import { Sidebar } from "./sidebar";
import { TopBar } from "./top-bar";

interface AppShellProps {
  children: React.ReactNode;
  /** A full-width notice above the page (the demo-mode banner goes here). */
  banner?: React.ReactNode;
  sidebarCollapsed: boolean;
}

export async function AppShell({ children, banner, sidebarCollapsed }: AppShellProps) {
  const t = await getTranslations("nav");
  return (
    <LiveProvider>
      <CommandPaletteProvider>
        <a
          href="#main"
          className="sr-only z-[100] rounded-md bg-primary px-3 py-2 text-sm font-medium text-primary-foreground focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          {t("skipToContent")}
        </a>
        <div className="flex h-dvh overflow-hidden bg-background">
          <Sidebar initialCollapsed={sidebarCollapsed} />
          <div className="flex min-w-0 flex-1 flex-col">
            <TopBar />
            {banner}
            <main id="main" tabIndex={-1} className="relative min-h-0 flex-1 overflow-y-auto scrollbar-thin focus:outline-none">
              {children}
            </main>
          </div>
        </div>
      </CommandPaletteProvider>
    </LiveProvider>
  );
}
