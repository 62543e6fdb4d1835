import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Simulator } from "@/components/demo/simulator";
import { demoEnabled } from "@/lib/demo/fake-control";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("demo"))("simulatorTitle") };
}

// Demo mode only: with real LINE credentials there is no fake platform and no simulator.
export default function SimulatorPage() {
  if (!demoEnabled()) notFound();
  return <Simulator />;
}
