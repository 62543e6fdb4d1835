import type { DraftMessage } from "./compose-state";

// What a newly added message of each type starts as: the smallest object the operator fills in.
export const ADDABLE_TYPES = ["text", "sticker", "image", "video", "audio", "location", "imagemap", "template", "flex"] as const;
export type AddableType = (typeof ADDABLE_TYPES)[number];

export function newMessage(type: AddableType): DraftMessage {
  switch (type) {
    case "text":
      return { type: "text", text: "" };
    case "sticker":
      return { type: "sticker", packageId: "446", stickerId: "1988" };
    case "image":
      return { type: "image", originalContentUrl: "", previewImageUrl: "" };
    case "video":
      return { type: "video", originalContentUrl: "", previewImageUrl: "" };
    case "audio":
      return { type: "audio", originalContentUrl: "", duration: 60000 };
    case "location":
      return { type: "location", title: "", address: "", latitude: 25.0339, longitude: 121.5645 };
    case "imagemap":
      return {
        type: "imagemap",
        baseUrl: "",
        altText: "",
        baseSize: { width: 1040, height: 1040 },
        actions: [{ type: "uri", linkUri: "https://", area: { x: 0, y: 0, width: 1040, height: 1040 } }],
      };
    case "template":
      return { type: "template", altText: "", template: { type: "buttons", text: "", actions: [{ type: "message", label: "", text: "" }] } };
    case "flex":
      return { type: "flex", altText: "", contents: SAMPLE_BUBBLE };
  }
}

export const SAMPLE_BUBBLE = {
  type: "bubble",
  body: {
    type: "box",
    layout: "vertical",
    contents: [
      { type: "text", text: "Hello", weight: "bold", size: "xl" },
      { type: "text", text: "Tell your friends what is new.", wrap: true, color: "#666666", size: "sm" },
    ],
  },
  footer: {
    type: "box",
    layout: "vertical",
    contents: [{ type: "button", style: "primary", action: { type: "uri", label: "Open", uri: "https://example.com" } }],
  },
};
