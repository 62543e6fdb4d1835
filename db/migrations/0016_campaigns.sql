CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"aggregation_unit" text,
	"unit_month" text,
	"ab_test" jsonb,
	"author_kind" text NOT NULL,
	"author_id" text NOT NULL,
	"author_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decide_at" timestamp with time zone,
	"decide_locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "schedules" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" integer NOT NULL,
	"campaign_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"request" jsonb,
	"draft_id" text,
	"run_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"repeat" text DEFAULT 'none' NOT NULL,
	"repeat_until" timestamp with time zone,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"locked_until" timestamp with time zone,
	"locked_by" text,
	"run_count" integer DEFAULT 0 NOT NULL,
	"last_send_id" text,
	"last_started_at" timestamp with time zone,
	"last_late_ms" integer,
	"error" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"author_kind" text NOT NULL,
	"author_id" text NOT NULL,
	"author_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "send_statistics" (
	"channel_id" integer NOT NULL,
	"subject" text NOT NULL,
	"campaign_id" text,
	"send_id" text,
	"body" jsonb,
	"fetched_at" timestamp with time zone,
	"since" timestamp with time zone NOT NULL,
	"keep_until" timestamp with time zone NOT NULL,
	"next_fetch_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" jsonb,
	CONSTRAINT "send_statistics_channel_id_subject_pk" PRIMARY KEY("channel_id","subject")
);
--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "campaign_id" text;--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "variant" text;--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "schedule_id" text;--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "aggregation_unit" text;--> statement-breakpoint
CREATE INDEX "campaigns_channel_created_idx" ON "campaigns" USING btree ("channel_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_unit_idx" ON "campaigns" USING btree ("channel_id","aggregation_unit") WHERE aggregation_unit is not null;--> statement-breakpoint
CREATE INDEX "campaigns_decide_idx" ON "campaigns" USING btree ("decide_at") WHERE decide_at is not null;--> statement-breakpoint
CREATE INDEX "schedules_due_idx" ON "schedules" USING btree ("run_at") WHERE status = 'scheduled';--> statement-breakpoint
CREATE INDEX "schedules_channel_run_idx" ON "schedules" USING btree ("channel_id","run_at","id");--> statement-breakpoint
CREATE INDEX "schedules_campaign_idx" ON "schedules" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "send_statistics_due_idx" ON "send_statistics" USING btree ("next_fetch_at") WHERE next_fetch_at is not null;--> statement-breakpoint
CREATE INDEX "send_statistics_campaign_idx" ON "send_statistics" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "send_statistics_send_idx" ON "send_statistics" USING btree ("send_id");--> statement-breakpoint
CREATE INDEX "sends_campaign_idx" ON "sends" USING btree ("campaign_id","created_at") WHERE campaign_id is not null;