CREATE TABLE "relay_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "relay_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"attempt" smallint NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"status_code" smallint,
	"response_head" text,
	"error" text,
	"after_reply_deadline" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relay_destinations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "relay_destinations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"channel_id" integer NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"signing" text DEFAULT 'line' NOT NULL,
	"secret_ciphertext" text,
	"event_types" text[],
	"source_types" text[],
	"modes" text[],
	"unseen_only" boolean DEFAULT false NOT NULL,
	"timeout_ms" integer DEFAULT 10000 NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"breaker_open_until" timestamp (3) with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relay_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "relay_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"channel_id" integer NOT NULL,
	"destination_id" integer,
	"replay_id" integer,
	"delivery_id" text NOT NULL,
	"event_ids" bigint[] NOT NULL,
	"whole" boolean NOT NULL,
	"order_key" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp (3) with time zone,
	"leased_by" text,
	"received_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone,
	"last_status" smallint,
	"last_error" text,
	"forward_ms" integer
);
--> statement-breakpoint
CREATE TABLE "relay_replays" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "relay_replays_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"channel_id" integer NOT NULL,
	"destination_id" integer,
	"url" text,
	"secret_ciphertext" text,
	"scope" text NOT NULL,
	"filter" jsonb,
	"total" integer NOT NULL,
	"per_second" integer NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "line_signature" text;--> statement-breakpoint
ALTER TABLE "relay_destinations" ADD CONSTRAINT "relay_destinations_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "relay_attempts_item_idx" ON "relay_attempts" USING btree ("item_id","attempt");--> statement-breakpoint
CREATE UNIQUE INDEX "relay_destinations_channel_name_idx" ON "relay_destinations" USING btree ("channel_id","name");--> statement-breakpoint
CREATE INDEX "relay_items_pending_idx" ON "relay_items" USING btree ("destination_id","order_key","id") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "relay_items_due_idx" ON "relay_items" USING btree ("next_attempt_at","id") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "relay_items_destination_idx" ON "relay_items" USING btree ("destination_id","id");--> statement-breakpoint
CREATE INDEX "relay_items_delivery_idx" ON "relay_items" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "relay_items_replay_idx" ON "relay_items" USING btree ("replay_id","id") WHERE replay_id is not null;--> statement-breakpoint
CREATE INDEX "relay_items_finished_idx" ON "relay_items" USING btree ("finished_at") WHERE finished_at is not null;--> statement-breakpoint
-- oa_store_deliveries (migration 0001) again, now also keeping LINE's signature of each delivery and
-- queueing relay items in the same transaction as the events: per enabled destination, one item per
-- delivery with the delivery's new events that pass the destination's filters (a redelivery LINE sends
-- again stores nothing new, so it queues nothing). 'oa_relay' is NOTIFYed when there is something to send.
CREATE OR REPLACE FUNCTION oa_store_deliveries(p_input json, p_shard int) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
  v_inserted int;
BEGIN
  WITH d AS (
    INSERT INTO webhook_deliveries (id, channel_id, received_at, status_code, signature, reason, reason_detail,
      destination, event_count, is_verify, body, body_bytes, body_truncated, user_agent, line_signature)
    SELECT x.id, x.channel_id, x.received_at, x.status_code, x.signature, x.reason, x.reason_detail,
      x.destination, x.event_count, x.is_verify, x.body, x.body_bytes, x.body_truncated, x.user_agent, x.line_signature
    FROM json_to_recordset(p_input->'deliveries') AS x(id text, channel_id int, received_at timestamptz,
      status_code smallint, signature text, reason text, reason_detail text, destination text, event_count int,
      is_verify boolean, body text, body_bytes int, body_truncated boolean, user_agent text, line_signature text)
    RETURNING webhook_deliveries.id, webhook_deliveries.channel_id, webhook_deliveries.event_count, webhook_deliveries.received_at
  ),
  e AS (
    INSERT INTO events (channel_id, delivery_id, dedupe_key, webhook_event_id, type, message_type, message_id,
      source_type, user_id, group_id, room_id, "timestamp", received_at, is_redelivery, mode, reply_token, text,
      search_text, search_grams, payload)
    SELECT x.channel_id, x.delivery_id, x.dedupe_key, x.webhook_event_id, x.type, x.message_type, x.message_id,
      x.source_type, x.user_id, x.group_id, x.room_id, x."timestamp", x.received_at, x.is_redelivery, x.mode,
      x.reply_token, x.text, x.search_text, x.search_grams, x.payload::json
    FROM json_to_recordset(p_input->'events') AS x(channel_id int, delivery_id text, dedupe_key text,
      webhook_event_id text, type text, message_type text, message_id text, source_type text, user_id text,
      group_id text, room_id text, "timestamp" timestamptz, received_at timestamptz, is_redelivery boolean,
      mode text, reply_token text, text text, search_text text, search_grams int[], payload text)
    ON CONFLICT (channel_id, dedupe_key) DO NOTHING
    RETURNING events.id, events.channel_id, events.type, events."timestamp", events.delivery_id, events.source_type,
      events.mode, coalesce(events.group_id, events.room_id, events.user_id, '') AS chat
  ),
  c AS (
    INSERT INTO event_counts (channel_id, hour, type, shard, count)
    SELECT e.channel_id, to_timestamp(floor(extract(epoch FROM e."timestamp") / 3600) * 3600), e.type, p_shard, count(*)
    FROM e GROUP BY 1, 2, 3
    ON CONFLICT (channel_id, hour, type, shard) DO UPDATE SET count = event_counts.count + excluded.count
  ),
  r AS (
    -- The chat of the delivery's first event orders it (LINE sends one chat's events in order).
    INSERT INTO relay_items (channel_id, destination_id, delivery_id, event_ids, whole, order_key, received_at)
    SELECT e.channel_id, dst.id, e.delivery_id, array_agg(e.id ORDER BY e.id), count(*) = max(d.event_count),
      (array_agg(e.chat ORDER BY e.id))[1], max(d.received_at)
    FROM e
    JOIN d ON d.id = e.delivery_id
    JOIN relay_destinations dst ON dst.channel_id = e.channel_id AND dst.enabled
      AND (dst.event_types IS NULL OR e.type = ANY (dst.event_types))
      AND (dst.source_types IS NULL OR e.source_type = ANY (dst.source_types))
      AND (dst.modes IS NULL OR e.mode = ANY (dst.modes))
    GROUP BY e.channel_id, dst.id, e.delivery_id
    RETURNING relay_items.id
  ),
  per_channel AS (
    SELECT d.channel_id, count(*) AS deliveries FROM d GROUP BY d.channel_id
  ),
  notified AS (
    SELECT pg_notify('oa_live', json_build_object(
      'channelId', p.channel_id,
      'deliveries', p.deliveries,
      'events', (SELECT count(*) FROM e WHERE e.channel_id = p.channel_id),
      'minId', (SELECT min(e.id) FROM e WHERE e.channel_id = p.channel_id),
      'maxId', (SELECT max(e.id) FROM e WHERE e.channel_id = p.channel_id))::text)
    FROM per_channel p
  ),
  relay_notified AS (
    SELECT pg_notify('oa_relay', '') WHERE EXISTS (SELECT 1 FROM r)
  )
  SELECT (SELECT count(*) FROM e)::int + 0 * (SELECT count(*) FROM notified) + 0 * (SELECT count(*) FROM relay_notified) INTO v_inserted;
  RETURN v_inserted;
END
$$;
