import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getRuntime } from "@/lib/runtime/runtime";
import { countUsers } from "@/db/queries/users";
import { getPageActor } from "@/lib/runtime/page-context";
import { sameOriginPath } from "@/lib/platform/http/same-origin-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; reset?: string }> }) {
  const { next, reset } = await searchParams;
  const { db } = await getRuntime();
  if ((await countUsers(db)) === 0) redirect("/setup");
  // Only paths on this console: never an open redirect to another site.
  const target = sameOriginPath(next);
  if (await getPageActor()) redirect(target);
  // ?reset=1: the reset-password page sends the member here once the new password is set.
  return <SignInForm next={target} notice={reset === "1" ? "passwordReset" : undefined} />;
}
