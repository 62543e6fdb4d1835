import { FriendAvatar } from "@/components/contacts/friend-avatar";
import { cn } from "@/lib/utils/cn";
import type { ChannelView } from "./channel-context";

/**
 * An Official Account's picture from LINE, or its initial on a colour of its own: square-cornered, so a
 * channel never looks like a person (members and friends are round).
 */
export function ChannelAvatar({ channel, className }: { channel: Pick<ChannelView, "key" | "name" | "pictureUrl" | "archived">; className?: string }) {
  return (
    <FriendAvatar
      id={channel.key}
      name={channel.name}
      pictureUrl={channel.pictureUrl}
      size="sm"
      className={cn("rounded-md", channel.archived && "opacity-60 grayscale", className)}
    />
  );
}
