import {
  Activity,
  CalendarClock,
  ChartColumn,
  History,
  Filter,
  FlaskConical,
  Forward,
  KeyRound,
  Layers,
  LayoutDashboard,
  MonitorSmartphone,
  PanelBottom,
  RadioTower,
  ScrollText,
  SendHorizontal,
  Settings,
  SquarePen,
  UserRound,
  Users,
  UsersRound,
  Webhook,
  type LucideIcon,
} from "lucide-react";
import { roleAllows, type Role } from "@/lib/auth/roles";

export interface NavItem {
  href: string;
  /** Key in the "nav" message namespace. */
  label: string;
  icon: LucideIcon;
  section: (typeof navSections)[number];
  /** Only the exact path counts as this item (for "/"). */
  exact?: boolean;
  /** The least role that can use the page; the item is hidden from others (the server refuses them too). */
  role?: Role;
  /** Only in demo mode (the simulator acts on the local fake platform). */
  demoOnly?: boolean;
  /** Only for console admins (what concerns every channel: members, API keys, channels). */
  consoleAdmin?: boolean;
}

export const navSections = ["monitor", "audience", "messaging", "manage"] as const;

// The console's pages, in sidebar order. The sidebar, the breadcrumbs and the command palette all read
// this list, so a new page is one line here.
export const navItems: NavItem[] = [
  { href: "/", label: "overview", icon: LayoutDashboard, section: "monitor", exact: true },
  { href: "/events", label: "events", icon: Activity, section: "monitor" },
  { href: "/deliveries", label: "deliveries", icon: Webhook, section: "monitor" },
  { href: "/contacts", label: "contacts", icon: UserRound, section: "audience" },
  { href: "/chats", label: "chats", icon: UsersRound, section: "audience" },
  { href: "/segments", label: "segments", icon: Filter, section: "audience" },
  { href: "/messages", label: "messages", icon: SendHorizontal, section: "messaging" },
  { href: "/messages/new", label: "newMessage", icon: SquarePen, section: "messaging", role: "operator" },
  { href: "/campaigns", label: "campaigns", icon: ChartColumn, section: "messaging" },
  { href: "/rich-menus", label: "richMenus", icon: PanelBottom, section: "messaging" },
  { href: "/simulator", label: "simulator", icon: FlaskConical, section: "manage", demoOnly: true },
  { href: "/settings", label: "settings", icon: Settings, section: "manage" },
];

/** The settings pages (tabs under /settings, breadcrumbs, palette), each labelled in "settings.nav". */
export const settingsItems: Array<Omit<NavItem, "section">> = [
  { href: "/settings", label: "channel", icon: RadioTower, exact: true, role: "admin" },
  { href: "/settings/relay", label: "relay", icon: Forward },
  { href: "/settings/channels", label: "channels", icon: Layers, role: "admin", consoleAdmin: true },
  { href: "/settings/members", label: "members", icon: Users, role: "admin", consoleAdmin: true },
  { href: "/settings/api-keys", label: "apiKeys", icon: KeyRound, role: "admin", consoleAdmin: true },
  { href: "/settings/audit", label: "audit", icon: ScrollText, role: "admin" },
  { href: "/settings/account", label: "account", icon: UserRound },
  { href: "/settings/sessions", label: "sessions", icon: MonitorSmartphone },
];

/** The Messages pages (tabs under /messages, breadcrumbs, palette), each labelled in "sends.nav". */
export const messagesItems: Array<Omit<NavItem, "section">> = [
  { href: "/messages", label: "history", icon: History, exact: true },
  { href: "/messages/scheduled", label: "scheduled", icon: CalendarClock },
];

/** What a member with `role` (on the channel) sees of a list (null: not signed in, so nothing role-limited). */
export function visibleTo<T extends { role?: Role; demoOnly?: boolean; consoleAdmin?: boolean }>(
  items: T[],
  role: Role | null,
  demo = false,
  consoleAdmin = false,
): T[] {
  return items.filter(
    (item) => (!item.role || (role !== null && roleAllows(role, item.role))) && (!item.demoOnly || demo) && (!item.consoleAdmin || consoleAdmin),
  );
}

/** The most specific item owns a path: /messages/new is "New message", not "Messages". */
export function isActive(item: Pick<NavItem, "href" | "exact">, pathname: string, items: Array<Pick<NavItem, "href" | "exact">> = navItems): boolean {
  return matches(item, pathname) && !items.some((other) => other.href.startsWith(`${item.href}/`) && matches(other, pathname));
}

export function activeNavItem(pathname: string): NavItem | undefined {
  return navItems.find((item) => isActive(item, pathname));
}

export function activeSettingsItem(pathname: string) {
  return settingsItems.find((item) => isActive(item, pathname, settingsItems));
}

/** The Messages tab a path is on ("/messages/scheduled"); a send's own page (/messages/<id>) is none. */
export function activeMessagesTab(pathname: string) {
  return messagesItems.find((item) => item.href !== "/messages" && isActive(item, pathname, messagesItems));
}

function matches(item: Pick<NavItem, "href" | "exact">, pathname: string): boolean {
  return item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
}
