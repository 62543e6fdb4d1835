CREATE TABLE "drafts" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" jsonb NOT NULL,
	"author_id" text NOT NULL,
	"author_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_windows" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"used" integer NOT NULL,
	CONSTRAINT "rate_windows_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "send_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "send_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"send_id" text NOT NULL,
	"chunk_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"http_status" smallint,
	"line_request_id" text,
	"accepted_request_id" text,
	"outcome" text NOT NULL,
	"error" jsonb,
	"worker" text
);
--> statement-breakpoint
CREATE TABLE "send_chunks" (
	"id" text PRIMARY KEY NOT NULL,
	"send_id" text NOT NULL,
	"seq" integer NOT NULL,
	"recipients" text[],
	"retry_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"locked_by" text,
	"first_attempt_at" timestamp with time zone,
	"line_request_id" text,
	"accepted_request_id" text,
	"sent_messages" jsonb,
	"last_error" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sends" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"is_test" boolean DEFAULT false NOT NULL,
	"request" jsonb NOT NULL,
	"client_key" text,
	"recipient_count" integer,
	"chunk_count" integer NOT NULL,
	"author_kind" text NOT NULL,
	"author_id" text NOT NULL,
	"author_label" text NOT NULL,
	"source_draft_id" text,
	"reply_to_event_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"error" jsonb,
	"progress" jsonb,
	"next_poll_at" timestamp with time zone,
	"poll_locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "test_recipients" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "send_attempts" ADD CONSTRAINT "send_attempts_send_id_sends_id_fk" FOREIGN KEY ("send_id") REFERENCES "public"."sends"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_chunks" ADD CONSTRAINT "send_chunks_send_id_sends_id_fk" FOREIGN KEY ("send_id") REFERENCES "public"."sends"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drafts_channel_updated_idx" ON "drafts" USING btree ("channel_id","updated_at");--> statement-breakpoint
CREATE INDEX "send_attempts_send_idx" ON "send_attempts" USING btree ("send_id","id");--> statement-breakpoint
CREATE INDEX "send_chunks_send_idx" ON "send_chunks" USING btree ("send_id","seq");--> statement-breakpoint
CREATE INDEX "send_chunks_due_idx" ON "send_chunks" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "sends_channel_created_idx" ON "sends" USING btree ("channel_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sends_channel_kind_created_idx" ON "sends" USING btree ("channel_id","kind","created_at","id");--> statement-breakpoint
CREATE INDEX "sends_channel_status_created_idx" ON "sends" USING btree ("channel_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "sends_channel_author_created_idx" ON "sends" USING btree ("channel_id","author_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sends_client_key_idx" ON "sends" USING btree ("channel_id","client_key") WHERE client_key is not null;--> statement-breakpoint
CREATE INDEX "sends_poll_idx" ON "sends" USING btree ("next_poll_at") WHERE next_poll_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "sends_reply_to_event_idx" ON "sends" USING btree ("channel_id","reply_to_event_id") WHERE reply_to_event_id is not null;