import type { DemoFriend } from "@/lib/client/demo";
import { cn } from "@/lib/utils/cn";

/** The fake friend's generated picture (served by the fake platform), or their initial. */
export function FriendAvatar({ friend, className }: { friend: Pick<DemoFriend, "displayName" | "pictureUrl">; className?: string }) {
  const initial = Array.from(friend.displayName.trim())[0] ?? "?";
  return friend.pictureUrl ? (
    // eslint-disable-next-line @next/next/no-img-element -- a small avatar from the local fake platform
    <img src={friend.pictureUrl} alt="" className={cn("size-8 shrink-0 rounded-full bg-muted object-cover", className)} />
  ) : (
    <span
      aria-hidden
      className={cn("flex size-8 shrink-0 items-center justify-center rounded-full bg-muted text-sm font-medium text-muted-foreground", className)}
    >
      {initial}
    </span>
  );
}
