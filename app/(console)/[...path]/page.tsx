import { redirectIntoChannel, searchString } from "@/lib/runtime/channel-redirect";

// A console address without its channel (a bookmark from before channels could be added): the same page
// in the channel last used. Unknown pages end at that channel's not-found page.
export default async function WithoutChannel({
  params,
  searchParams,
}: {
  params: Promise<{ path: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { path } = await params;
  return redirectIntoChannel(`/${path.map(encodeURIComponent).join("/")}`, searchString(await searchParams));
}
