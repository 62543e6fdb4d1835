import { RichMenuPageSkeleton } from "@/components/rich-menus/rich-menu-skeleton";

export default function Loading() {
  return <RichMenuPageSkeleton />;
}
