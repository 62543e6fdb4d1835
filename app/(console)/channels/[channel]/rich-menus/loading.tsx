import { RichMenuEditorSkeleton } from "@/components/rich-menus/rich-menu-editor";

export default function Loading() {
  return <RichMenuEditorSkeleton />;
}
