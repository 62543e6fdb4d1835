// Narrowcast helpers for tests: send and wait for the job to finish; an independent evaluation of
// demographic filters over the control API's friend list (written from line-api.md §4, not from the fake).
import type { messagingApi } from "@line/bot-sdk";
import type { FriendJson } from "./control-types";
import { waitFor, type TestFake } from "./start-fake";

export async function narrowcastAndWait(
  t: TestFake,
  request: messagingApi.NarrowcastRequest,
): Promise<{ requestId: string; progress: messagingApi.NarrowcastProgressResponse }> {
  const { httpResponse, body } = await t.api.narrowcastWithHttpInfo(request);
  if (httpResponse.status !== 202 || JSON.stringify(body) !== "{}") throw new Error(`narrowcast answered ${httpResponse.status}`);
  const requestId = httpResponse.headers.get("x-line-request-id") ?? "";
  const progress = await waitFor(async () => {
    const p = await t.api.getNarrowcastProgress(requestId);
    return p.phase === "succeeded" || p.phase === "failed" ? p : undefined;
  }, 5000);
  return { requestId, progress };
}

export async function recipientsOf(t: TestFake, requestId: string): Promise<string[]> {
  const send = await t.control.get<{ deliveredTo: string[] }>(`/__fake/sends/${requestId}`);
  return send.deliveredTo;
}

/** Followers matching all the given attribute tests; any unknown attribute that is tested excludes the user. */
export function expectedRecipients(
  friends: FriendJson[],
  tests: { gender?: string[]; ageGte?: number; ageLt?: number; areas?: string[]; appTypes?: string[]; minDays?: number },
): string[] {
  return (
    friends
      .filter((f) => f.status === "following")
      .filter((f) => !tests.gender || (f.gender !== null && tests.gender.includes(f.gender)))
      .filter(
        (f) =>
          (tests.ageGte === undefined && tests.ageLt === undefined) ||
          (f.age !== null && (tests.ageGte === undefined || f.age >= tests.ageGte) && (tests.ageLt === undefined || f.age < tests.ageLt)),
      )
      .filter((f) => !tests.areas || (f.area !== null && tests.areas.includes(f.area)))
      .filter((f) => !tests.appTypes || tests.appTypes.includes(f.appType))
      .filter((f) => tests.minDays === undefined || (f.subscriptionDays !== null && f.subscriptionDays >= tests.minDays))
      // Thai users under 20 are never targeted by attributes.
      .filter((f) => !(f.country === "TH" && f.age !== null && f.age < 20))
      .map((f) => f.userId)
  );
}
