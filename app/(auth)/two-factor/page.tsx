import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TwoFactorRequired } from "@/components/auth/two-factor-required";
import { getPageActor } from "@/lib/runtime/page-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("twoFactor.required"))("title") };
}

// Where a member is sent after signing in when the console requires two-factor sign-in and they have
// not set it up (lib/runtime/page-context.ts); the console's pages and API wait until they have.
export default async function TwoFactorPage() {
  const actor = await getPageActor();
  if (!actor) redirect("/sign-in");
  if (actor.kind !== "user" || actor.twoFactorEnabled) redirect("/");
  return <TwoFactorRequired email={actor.email} required={Boolean(actor.mustSetUpTwoFactor)} />;
}
