ALTER TABLE "drafts" ADD COLUMN "working" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "estimated_recipients" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "drafts_working_idx" ON "drafts" USING btree ("channel_id","author_id") WHERE working;