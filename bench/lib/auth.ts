// The API needs a signed-in member: benchmarks start the app with an admin from the environment
// (ADMIN_EMAIL), sign in once after it is up, and send the session cookie with every request.
let headers: Record<string, string> = {};

const ADMIN = { email: "bench-admin@example.com", password: "bench-admin-password-123" };

export async function prepareAuth(_env: Record<string, string>) {
  headers = {};
  return {
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, BETTER_AUTH_SECRET: "bench-better-auth-secret-0123456789abcdef" } as Record<
      string,
      string
    >,
  };
}

/** Sign in as the bench admin (call once the app answers); benchHeaders() then carries the session. */
export async function signIn(baseUrl: string) {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(ADMIN),
  });
  if (!res.ok) throw new Error(`bench sign-in failed: ${res.status} ${await res.text()}`);
  headers = {
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  };
}

export function benchHeaders(): Record<string, string> {
  return headers;
}
