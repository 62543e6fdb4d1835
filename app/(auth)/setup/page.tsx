import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { SetupForm } from "@/components/auth/setup-form";
import { getRuntime } from "@/lib/runtime/runtime";
import { countUsers } from "@/db/queries/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("setupTitle") };
}

// Public only while the console has no account; afterwards it sends everyone to sign in.
// Rendered per request: at build time Next would otherwise prerender it, opening the database from a
// build worker (a PGlite data directory then stayed locked as `next start` came up).
export default async function SetupPage() {
  await connection();
  const { db } = await getRuntime();
  if ((await countUsers(db)) > 0) redirect("/sign-in");
  return <SetupForm />;
}
