import { sendRoute } from "@/lib/sending/send-route";

export const POST = sendRoute("narrowcast");
