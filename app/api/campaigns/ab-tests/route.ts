import { createAbTestBodySchema } from "@/lib/campaigns/ab-test-schemas";
import { createAbTest } from "@/lib/campaigns/create-ab-test";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/**
 * An A/B test: 2–4 variants, each a multicast to its own random share of the audience (all friends or a
 * segment), an optional holdout, and when to pick the winner. 201 with the test's split; 400 naming
 * every problem before anything is stored.
 */
export const POST = apiRoute({ role: "operator" }, async ({ req, db, channelId, actor, audit, runtime }) => {
  const body = await parseJsonBody(createAbTestBodySchema, req);
  const { id, name, state } = await createAbTest(db, { channelId, actor, body, clients: runtime.line });
  await audit("campaign.ab_test_created", id, {
    name,
    audience: state.audience,
    audienceSize: state.audienceSize,
    variants: state.variants.map((v) => ({ label: v.label, sendId: v.sendId, recipients: v.size, draftId: v.draftId })),
    holdout: state.holdoutSize,
    rest: state.restSize,
    decideAt: state.decideAt,
    metric: state.metric,
    autoSendWinner: state.autoSendWinner,
  });
  return Response.json(
    {
      id,
      name,
      kind: "ab_test",
      audienceSize: state.audienceSize,
      variants: state.variants.map((v) => ({ label: v.label, sendId: v.sendId, size: v.size })),
      holdoutSize: state.holdoutSize,
      restSize: state.restSize,
      decideAt: state.decideAt,
    },
    { status: 201 },
  );
});
