// Placeholder until accounts land (issue 4): every caller acts as a local admin.
export type Role = "viewer" | "operator" | "admin";
export interface Actor {
  kind: "user" | "apiKey";
  id: string;
  name: string;
  role: Role;
}

export async function requireActor(_req: Request, _role: Role): Promise<Actor> {
  return { kind: "user", id: "local", name: "local", role: "admin" };
}
