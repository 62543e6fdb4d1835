// Roles and their order, importable from browser code (no database or server modules): the console
// hides what a role cannot do, and the server checks the same ranking on every request.

import { ROLES, type Role } from "@/db/schema/enums";

export { ROLES, type Role };

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** Whether `role` may do what needs `needed` (viewer < operator < admin). */
export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}
