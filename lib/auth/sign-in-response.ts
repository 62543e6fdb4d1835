import type { Auth } from "./auth";

/** Sign the new account in: a JSON response carrying better-auth's session cookie. */
export async function signedInResponse(auth: Auth, req: Request, credentials: { email: string; password: string }, body: object, status = 201) {
  const { headers } = await auth.api.signInEmail({ body: credentials, headers: req.headers, returnHeaders: true });
  const res = Response.json(body, { status });
  for (const cookie of headers.getSetCookie()) res.headers.append("set-cookie", cookie);
  return res;
}
