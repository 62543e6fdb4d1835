// Roles and their order, importable from browser code (no database or server modules): the console
// hides what a role cannot do, and the server checks the same ranking on every request.

import { API_KEY_ROLES, ROLES, type ApiKeyRole, type Role } from "@/db/schema/enums";

export { API_KEY_ROLES, ROLES, type ApiKeyRole, type Role };

// "metrics" ranks below viewer: a monitoring system's key reads the metrics and nothing of the account.
const RANK: Record<ApiKeyRole, number> = { metrics: -1, viewer: 0, operator: 1, admin: 2 };

/**
 * Whether `role` may do what needs `needed` (viewer < operator < admin). What needs "metrics" is open to
 * a metrics key and to admins; a metrics key may do nothing else.
 */
export function roleAllows(role: ApiKeyRole, needed: ApiKeyRole): boolean {
  if (needed === "metrics") return role === "metrics" || role === "admin";
  return RANK[role] >= RANK[needed];
}
