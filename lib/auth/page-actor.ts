import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { resolveActor, roleAllows, type Actor, type Role } from "./require-actor";

/** The signed-in member (or key) for a server component, checked against the database. */
export async function getPageActor(): Promise<Actor | null> {
  return resolveActor(await headers());
}

/** A page only signed-in members with `role` may see: others go to sign-in, or get 403. */
export async function requirePageActor(role: Role = "viewer"): Promise<Actor> {
  const actor = await getPageActor();
  if (!actor) redirect("/sign-in");
  if (!roleAllows(actor.role, role)) forbidden();
  return actor;
}
