import { Activity, Filter, LayoutDashboard, UsersRound, UserRound, Webhook, type LucideIcon } from "lucide-react";

export interface NavItem {
  href: string;
  /** Key in the "nav" message namespace. */
  label: string;
  icon: LucideIcon;
  section: (typeof navSections)[number];
  /** Only the exact path counts as this item (for "/"). */
  exact?: boolean;
}

// The console's pages, in sidebar order. The sidebar, the breadcrumbs and the command palette all read
// this list, so a new page is one line here.
export const navItems: NavItem[] = [
  { href: "/", label: "overview", icon: LayoutDashboard, section: "monitor", exact: true },
  { href: "/events", label: "events", icon: Activity, section: "monitor" },
  { href: "/deliveries", label: "deliveries", icon: Webhook, section: "monitor" },
  { href: "/contacts", label: "contacts", icon: UserRound, section: "audience" },
  { href: "/chats", label: "chats", icon: UsersRound, section: "audience" },
  { href: "/segments", label: "segments", icon: Filter, section: "audience" },
];

export const navSections = ["monitor", "audience"] as const;

export function isActive(item: NavItem, pathname: string): boolean {
  return item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
}

export function activeNavItem(pathname: string): NavItem | undefined {
  return navItems.find((item) => isActive(item, pathname));
}
