-- Retention (lib/retention/): a delivery whose raw body was emptied says when, and two partial indexes
-- list what is still kept, oldest first, so a purge never rescans what it already emptied: accepted
-- deliveries with their body, and media with their bytes (storage is cleared once they are deleted).
ALTER TABLE "webhook_deliveries" ADD COLUMN "body_purged_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "media_kept_idx" ON "media" USING btree ("created_at") WHERE storage is not null;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_body_kept_idx" ON "webhook_deliveries" USING btree ("channel_id","received_at","id") WHERE status_code < 300 and body_purged_at is null;