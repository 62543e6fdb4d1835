import { notFound } from "next/navigation";
import { redirectIntoChannel, searchString } from "@/lib/runtime/channel-redirect";

// A console address without its channel (a bookmark from before channels could be added): the same page
// in the channel last used. An unknown page inside a channel (/channels/<key>/nothing-here) lands here
// too, and is not found — redirecting it would only prefix the channel again, without end.
export default async function WithoutChannel({
  params,
  searchParams,
}: {
  params: Promise<{ path: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { path } = await params;
  if (path[0] === "channels") notFound();
  return redirectIntoChannel(`/${path.map(encodeURIComponent).join("/")}`, searchString(await searchParams));
}
