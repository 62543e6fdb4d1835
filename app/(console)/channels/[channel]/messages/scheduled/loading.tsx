import { SendHistorySkeleton } from "@/components/sends/send-list";

export default function Loading() {
  return <SendHistorySkeleton />;
}
