import type { RichMenuAreaAction } from "@/lib/rich-menus/rich-menu-schema";

/** What the operator recognises an area by: its action's label, else what it sends or opens. */
export function areaWhat(action: RichMenuAreaAction): string {
  switch (action.type) {
    case "postback":
      return action.label ?? action.displayText ?? action.data;
    case "message":
      return action.label ?? action.text;
    case "uri":
      return action.label ?? action.uri;
    case "datetimepicker":
      return action.label ?? action.data;
    case "richmenuswitch":
      return action.label ?? action.richMenuAliasId;
  }
}

/** A uri area opens a page on the phone and sends no event: the console cannot count its taps. */
export const countable = (action: RichMenuAreaAction) => action.type !== "uri";
