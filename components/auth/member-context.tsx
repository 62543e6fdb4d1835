"use client";

import { createContext, use } from "react";
import { roleAllows, type Role } from "@/lib/auth/roles";

/** Who is signed in, as the console layout resolved it on the server (never a secret). */
export interface CurrentMember {
  id: string;
  name: string;
  email: string;
  /** Their role on the channel the page is on. */
  role: Role;
  /** A console admin: members, API keys, channels and sign-in security are theirs to manage. */
  consoleAdmin: boolean;
  /** "apiKey" when a page was opened with an API key (scripts); such a caller has no account menu. */
  kind: "user" | "apiKey";
  locale: string | null;
  timeZone: string | null;
}

const MemberContext = createContext<CurrentMember | null>(null);

export function MemberProvider({ member, children }: { member: CurrentMember; children: React.ReactNode }) {
  return <MemberContext value={member}>{children}</MemberContext>;
}

/** The signed-in member, or null outside the console (sign-in, set-up and invitation pages). */
export function useMember(): CurrentMember | null {
  return use(MemberContext);
}

/** The signed-in member's role, or null outside the console. */
export function useRole(): Role | null {
  return use(MemberContext)?.role ?? null;
}

/**
 * Whether the signed-in member's role includes `needed`, to hide what they cannot do. Only a
 * courtesy: the server refuses the request anyway.
 */
export function useCan(needed: Role): boolean {
  const role = useRole();
  return role !== null && roleAllows(role, needed);
}

/** Whether the signed-in member is a console admin (members, API keys, channels). */
export function useConsoleAdmin(): boolean {
  return use(MemberContext)?.consoleAdmin ?? false;
}
