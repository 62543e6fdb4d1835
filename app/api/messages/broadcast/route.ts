import { sendRoute } from "@/app/api/messages/send-route";

export const POST = sendRoute("broadcast");
