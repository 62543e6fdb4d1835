"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { auditKeys } from "@/lib/client/audit";
import { channelListKeys } from "@/lib/client/channels";

/** After adding, renaming, archiving or deleting a channel: the list, the audit log and the header's switcher. */
export function useChannelsChanged(): () => void {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useCallback(() => {
    // The switcher's list comes with the console layout (a server render), not from this query. Asked
    // for first: the render also hydrates this page's list, which must not land after (and over) the
    // list fetched below — a server render may read the channel list up to 2 s old (lib/channel/access.ts).
    router.refresh();
    void queryClient.invalidateQueries({ queryKey: channelListKeys.all });
    void queryClient.invalidateQueries({ queryKey: auditKeys.all });
  }, [queryClient, router]);
}
