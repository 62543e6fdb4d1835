// How an A/B test's audience divides: each variant's share, the holdout (friends who get nothing, to
// compare with) and the rest (who get the winner). Shared by the form's live sentence (an estimate
// from the audience's size) and the split itself (which knows the holdout exactly).

export interface ShareSizes {
  /** Friends each variant goes to. */
  perVariant: number;
  holdout: number;
  /** Friends left for the winner. */
  rest: number;
}

/**
 * Each variant gets `sharePercent` of the whole audience (rounded down, so the shares never overlap),
 * within what the holdout leaves; the rest is everyone else. `holdout`: the holdout's exact size when
 * known (it is picked by a hash of each friend's id, so it is only about `holdoutPercent` of them).
 */
export function shareSizes(params: { audienceSize: number; variants: number; sharePercent: number; holdoutPercent: number; holdout?: number }): ShareSizes {
  const n = Math.max(0, Math.floor(params.audienceSize));
  const holdout = Math.min(n, params.holdout ?? Math.round((n * params.holdoutPercent) / 100));
  const wanted = Math.floor((n * params.sharePercent) / 100 + 1e-9);
  const perVariant = params.variants > 0 ? Math.max(0, Math.min(wanted, Math.floor((n - holdout) / params.variants))) : 0;
  return { perVariant, holdout, rest: n - holdout - perVariant * params.variants };
}

/** The share left for the winner, in per cent. */
export function restPercent(params: { variants: number; sharePercent: number; holdoutPercent: number }): number {
  return Math.max(0, Math.round((100 - params.variants * params.sharePercent - params.holdoutPercent) * 10) / 10);
}
