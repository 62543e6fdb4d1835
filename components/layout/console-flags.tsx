"use client";

import { createContext, use } from "react";

/** Facts about this console the client needs (never secrets): whether it runs in demo mode. */
interface ConsoleFlags {
  demo: boolean;
}

const ConsoleFlagsContext = createContext<ConsoleFlags>({ demo: false });

export function ConsoleFlagsProvider({ demo, children }: { demo: boolean; children: React.ReactNode }) {
  return <ConsoleFlagsContext value={{ demo }}>{children}</ConsoleFlagsContext>;
}

export function useConsoleFlags(): ConsoleFlags {
  return use(ConsoleFlagsContext);
}
