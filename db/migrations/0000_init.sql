CREATE TABLE "channels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "channels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"line_channel_id" text,
	"bot_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channels_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "event_counts" (
	"channel_id" integer NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"shard" smallint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "event_counts_channel_id_hour_type_shard_pk" PRIMARY KEY("channel_id","hour","type","shard")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"channel_id" integer NOT NULL,
	"delivery_id" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"webhook_event_id" text,
	"type" text NOT NULL,
	"message_type" text,
	"message_id" text,
	"source_type" text,
	"user_id" text,
	"group_id" text,
	"room_id" text,
	"timestamp" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"is_redelivery" boolean DEFAULT false NOT NULL,
	"mode" text,
	"reply_token" text,
	"text" text,
	"search_text" text,
	"search_grams" integer[],
	"payload" json NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" integer NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"status_code" smallint NOT NULL,
	"signature" text NOT NULL,
	"reason" text,
	"reason_detail" text,
	"destination" text,
	"event_count" integer DEFAULT 0 NOT NULL,
	"is_verify" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"body_bytes" integer NOT NULL,
	"body_truncated" boolean DEFAULT false NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "webhook_timings" (
	"delivery_id" text PRIMARY KEY NOT NULL,
	"channel_id" integer NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"status_code" smallint NOT NULL,
	"latency_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "events_channel_dedupe_key_idx" ON "events" USING btree ("channel_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "events_channel_ts_idx" ON "events" USING btree ("channel_id","timestamp","id");--> statement-breakpoint
CREATE INDEX "events_channel_type_ts_idx" ON "events" USING btree ("channel_id","type","timestamp","id");--> statement-breakpoint
CREATE INDEX "events_channel_message_type_ts_idx" ON "events" USING btree ("channel_id","message_type","timestamp","id") WHERE message_type is not null;--> statement-breakpoint
CREATE INDEX "events_channel_source_type_ts_idx" ON "events" USING btree ("channel_id","source_type","timestamp","id");--> statement-breakpoint
CREATE INDEX "events_channel_user_ts_idx" ON "events" USING btree ("channel_id","user_id","timestamp","id") WHERE user_id is not null;--> statement-breakpoint
CREATE INDEX "events_channel_group_ts_idx" ON "events" USING btree ("channel_id","group_id","timestamp","id") WHERE group_id is not null;--> statement-breakpoint
CREATE INDEX "events_channel_room_ts_idx" ON "events" USING btree ("channel_id","room_id","timestamp","id") WHERE room_id is not null;--> statement-breakpoint
CREATE INDEX "events_channel_redelivery_ts_idx" ON "events" USING btree ("channel_id","timestamp","id") WHERE is_redelivery;--> statement-breakpoint
CREATE INDEX "events_delivery_idx" ON "events" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "events_search_grams_idx" ON "events" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_channel_received_idx" ON "webhook_deliveries" USING btree ("channel_id","received_at","id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_rejected_idx" ON "webhook_deliveries" USING btree ("channel_id","received_at","id") WHERE status_code >= 300;--> statement-breakpoint
CREATE INDEX "webhook_timings_channel_received_idx" ON "webhook_timings" USING btree ("channel_id","received_at");