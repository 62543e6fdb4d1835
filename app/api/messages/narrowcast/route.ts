import { sendRoute } from "@/lib/sends/send-route";

export const POST = sendRoute("narrowcast");
