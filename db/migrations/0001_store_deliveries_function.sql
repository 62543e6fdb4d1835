-- Webhook intake's one write: a batch of deliveries with their events, as a single JSON document.
-- In PL/pgSQL so that the statement is parsed and planned once per connection, not per batch: on
-- PGlite, which runs on the web server's own thread, that halves the cost of a small batch.
-- Inserts the deliveries, the events not already stored (same channel and dedupe key: webhookEventId,
-- or a content hash when there is none), bumps the hourly counts, and NOTIFYs 'oa_live' per channel
-- with the id range of the new events (delivered only if the transaction commits).
CREATE OR REPLACE FUNCTION oa_store_deliveries(p_input json, p_shard int) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
  v_inserted int;
BEGIN
  WITH d AS (
    INSERT INTO webhook_deliveries (id, channel_id, received_at, status_code, signature, reason, reason_detail,
      destination, event_count, is_verify, body, body_bytes, body_truncated, user_agent)
    SELECT x.id, x.channel_id, x.received_at, x.status_code, x.signature, x.reason, x.reason_detail,
      x.destination, x.event_count, x.is_verify, x.body, x.body_bytes, x.body_truncated, x.user_agent
    FROM json_to_recordset(p_input->'deliveries') AS x(id text, channel_id int, received_at timestamptz,
      status_code smallint, signature text, reason text, reason_detail text, destination text, event_count int,
      is_verify boolean, body text, body_bytes int, body_truncated boolean, user_agent text)
    RETURNING webhook_deliveries.channel_id
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
    RETURNING events.id, events.channel_id, events.type, events."timestamp"
  ),
  c AS (
    INSERT INTO event_counts (channel_id, hour, type, shard, count)
    SELECT e.channel_id, to_timestamp(floor(extract(epoch FROM e."timestamp") / 3600) * 3600), e.type, p_shard, count(*)
    FROM e GROUP BY 1, 2, 3
    ON CONFLICT (channel_id, hour, type, shard) DO UPDATE SET count = event_counts.count + excluded.count
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
  )
  SELECT (SELECT count(*) FROM e)::int + 0 * (SELECT count(*) FROM notified) INTO v_inserted;
  RETURN v_inserted;
END
$$;
