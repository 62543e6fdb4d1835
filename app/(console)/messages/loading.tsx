import { SendHistorySkeleton } from "@/components/messages/send-list";

export default function Loading() {
  return <SendHistorySkeleton />;
}
