import { Activity, LayoutDashboard, SendHorizontal, SquarePen, Webhook, type LucideIcon } from "lucide-react";

export interface NavItem {
  href: string;
  /** Key in the "nav" message namespace. */
  label: string;
  icon: LucideIcon;
  section: (typeof navSections)[number];
  /** Only the exact path counts as this item (for "/"). */
  exact?: boolean;
  /** Hidden from viewers (composing needs the operator role; the page and API refuse them anyway). */
  operatorOnly?: boolean;
}

// The console's pages, in sidebar order. The sidebar, the breadcrumbs and the command palette all read
// this list, so a new page is one line here.
export const navItems: NavItem[] = [
  { href: "/", label: "overview", icon: LayoutDashboard, section: "monitor", exact: true },
  { href: "/events", label: "events", icon: Activity, section: "monitor" },
  { href: "/deliveries", label: "deliveries", icon: Webhook, section: "monitor" },
  { href: "/messages", label: "messages", icon: SendHorizontal, section: "messaging" },
  { href: "/messages/new", label: "newMessage", icon: SquarePen, section: "messaging", operatorOnly: true },
];

export const navSections = ["monitor", "messaging"] as const;

export function isActive(item: NavItem, pathname: string): boolean {
  return matches(item, pathname) && !navItems.some((other) => other.href.startsWith(`${item.href}/`) && matches(other, pathname));
}

// An item's own path or below it; isActive then leaves a path to the most specific item (/messages/new
// is "New message", not "Messages").
function matches(item: NavItem, pathname: string): boolean {
  return item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
}

export function activeNavItem(pathname: string): NavItem | undefined {
  return navItems.find((item) => isActive(item, pathname));
}
