// What a handler returns, and LINE's error envelope. The `message` strings are LINE's documented ones
// (Messaging API reference, "Error messages"); see README for the few the documentation does not give.

export type HttpReply = {
  status: number;
  /** JSON body; omitted for binary replies. */
  body?: unknown;
  bytes?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
};

export type ErrorDetail = { message: string; property?: string };

/** Thrown anywhere in a handler to answer with `reply` (usually a LINE error). */
export class HttpError extends Error {
  constructor(readonly reply: HttpReply) {
    super(typeof reply.body === "object" && reply.body && "message" in reply.body ? String(reply.body.message) : `HTTP ${reply.status}`);
  }
}

export const MESSAGES = {
  invalidToken: "Authentication failed due to the following reason: invalid token. Confirm that the access token in the authorization header is valid.",
  notFound: "Not found",
  invalidReplyToken: "Invalid reply token",
  retryKeyAccepted: "The retry key is already accepted",
  monthlyLimit: "You have reached your monthly limit.",
  rateLimit: "The API rate limit has been exceeded. Try again later.",
  notEnoughFriends: "Your account does not have enough friends",
  failedToSend: "Failed to send messages",
  internal: "Internal server error",
  notAvailable: "Access to this API is not available for your account",
} as const;

export function json(status: number, body: unknown, headers?: Record<string, string>): HttpReply {
  return { status, body, headers };
}

export function lineError(status: number, message: string, details?: ErrorDetail[]): HttpReply {
  return { status, body: details && details.length > 0 ? { message, details } : { message } };
}

export function validationError(details: ErrorDetail[]): HttpReply {
  return lineError(400, `The request body has ${details.length} error(s)`, details);
}

/** LINE's answer when a property cannot be deserialised (wrong JSON type, malformed id…). */
export function invalidProperty(property: string): HttpReply {
  return lineError(400, `The property, ${property}, in the request body is invalid (line: -, column: -)`);
}

export function invalidQueryParam(name: string): HttpReply {
  return lineError(400, `The value for the '${name}' parameter is invalid`);
}

export function fail(reply: HttpReply): never {
  throw new HttpError(reply);
}
