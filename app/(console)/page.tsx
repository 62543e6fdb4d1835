import { redirectIntoChannel, searchString } from "@/lib/runtime/channel-redirect";

// The console's home is a channel's overview: the one last used, else the member's first.
export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return redirectIntoChannel("/", searchString(await searchParams));
}
