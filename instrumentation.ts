// Runs once when the server starts: open the database and apply migrations before the first request,
// so LINE's first webhook after a deploy does not wait for them.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabase } = await import("./db/instance");
  await getDatabase();
}
