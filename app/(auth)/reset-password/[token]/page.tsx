import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InvalidResetLink } from "@/components/auth/invalid-reset-link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { lookupPasswordReset } from "@/lib/auth/password-resets";
import { HttpError } from "@/lib/platform/http/errors";
import { getRuntime } from "@/lib/runtime/runtime";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.reset"))("title") };
}

// The one-time link an admin passed on. The token stays in this page (Referrer-Policy: no-referrer everywhere).
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await openReset(token);
  if (!reset) return <InvalidResetLink />;
  return <ResetPasswordForm token={token} reset={{ email: reset.email, expiresAt: reset.expiresAt.toISOString() }} />;
}

async function openReset(token: string) {
  const { db } = await getRuntime();
  try {
    return await lookupPasswordReset(db, { token });
  } catch (err) {
    if (err instanceof HttpError && err.code === "reset_link_invalid") return null;
    throw err;
  }
}
