-- Timing rows of refused requests were never removed with the refused deliveries they describe (only the
-- newest 1,000 of those are kept), so unsigned POSTs grew webhook_timings without bound. From now on they
-- are pruned the same way (pruneRejectedTimings, through this index); the rows already orphaned go once.
CREATE INDEX "webhook_timings_rejected_idx" ON "webhook_timings" USING btree ("channel_id","received_at","delivery_id") WHERE status_code >= 300;--> statement-breakpoint
DELETE FROM "webhook_timings" t
WHERE t.status_code >= 300
  AND NOT EXISTS (SELECT 1 FROM "webhook_deliveries" d WHERE d.id = t.delivery_id);
