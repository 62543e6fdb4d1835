import { notFound, redirect } from "next/navigation";
import { getPageActor } from "@/lib/runtime/page-context";
import { redirectIntoChannel, searchString } from "@/lib/runtime/channel-redirect";

// A console address without its channel (a bookmark from before channels could be added): the same page
// in the channel last used. Anything else that lands here — an unknown page inside a channel
// (/channels/<key>/nothing-here), an unknown API or asset path — is not found: redirecting it would only
// prefix the channel again, without end, or turn a 404 into a page.
const CONSOLE_SECTIONS = new Set(["events", "deliveries", "contacts", "chats", "segments", "messages", "campaigns", "rich-menus", "settings", "simulator"]);

export default async function WithoutChannel({
  params,
  searchParams,
}: {
  params: Promise<{ path: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { path } = await params;
  if (!CONSOLE_SECTIONS.has(path[0] ?? "")) {
    // Signed out, it is sign-in first, as for every console address (the proxy lets a cookie through).
    if (!(await getPageActor())) redirect("/sign-in");
    notFound();
  }
  return redirectIntoChannel(`/${path.map(encodeURIComponent).join("/")}`, searchString(await searchParams));
}
