CREATE TABLE "chat_members" (
	"channel_id" integer NOT NULL,
	"chat_id" text NOT NULL,
	"user_id" text NOT NULL,
	"first_seen_at" timestamp (3) with time zone NOT NULL,
	"last_seen_at" timestamp (3) with time zone NOT NULL,
	"left_at" timestamp (3) with time zone,
	CONSTRAINT "chat_members_channel_id_chat_id_user_id_pk" PRIMARY KEY("channel_id","chat_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "chats" (
	"channel_id" integer NOT NULL,
	"chat_id" text NOT NULL,
	"type" text NOT NULL,
	"name" text,
	"picture_url" text,
	"member_count" integer,
	"status" text DEFAULT 'joined' NOT NULL,
	"status_at" timestamp (3) with time zone,
	"first_seen_at" timestamp (3) with time zone NOT NULL,
	"last_active_at" timestamp (3) with time zone NOT NULL,
	"info_fetched_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chats_channel_id_chat_id_pk" PRIMARY KEY("channel_id","chat_id")
);
--> statement-breakpoint
CREATE TABLE "friend_tags" (
	"channel_id" integer NOT NULL,
	"tag" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "friend_tags_channel_id_tag_user_id_pk" PRIMARY KEY("channel_id","tag","user_id")
);
--> statement-breakpoint
CREATE TABLE "friends" (
	"channel_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"display_name" text,
	"picture_url" text,
	"status_message" text,
	"language" text,
	"status" text DEFAULT 'unknown' NOT NULL,
	"status_at" timestamp (3) with time zone,
	"first_seen_at" timestamp (3) with time zone NOT NULL,
	"last_active_at" timestamp (3) with time zone NOT NULL,
	"name_key" text NOT NULL,
	"search_text" text,
	"search_grams" integer[],
	"profile_status" text DEFAULT 'pending' NOT NULL,
	"profile_fetched_at" timestamp with time zone,
	"follower_sync_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "friends_channel_id_user_id_pk" PRIMARY KEY("channel_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "line_syncs" (
	"channel_id" integer NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "line_syncs_channel_id_name_pk" PRIMARY KEY("channel_id","name")
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"channel_id" integer NOT NULL,
	"name" text NOT NULL,
	"friend_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tags_channel_id_name_pk" PRIMARY KEY("channel_id","name")
);
--> statement-breakpoint
CREATE TABLE "media" (
	"channel_id" integer NOT NULL,
	"message_id" text NOT NULL,
	"event_id" bigint NOT NULL,
	"message_type" text NOT NULL,
	"user_id" text,
	"chat_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"storage" text,
	"content_type" text,
	"size" bigint,
	"preview_content_type" text,
	"preview_size" bigint,
	"file_name" text,
	"error" text,
	"fetched_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_channel_id_message_id_pk" PRIMARY KEY("channel_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "media_chunks" (
	"channel_id" integer NOT NULL,
	"message_id" text NOT NULL,
	"variant" text NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "media_chunks_channel_id_message_id_variant_seq_pk" PRIMARY KEY("channel_id","message_id","variant","seq")
);
--> statement-breakpoint
CREATE TABLE "audiences" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" integer NOT NULL,
	"segment_id" text,
	"description" text NOT NULL,
	"audience_group_id" bigint,
	"status" text NOT NULL,
	"uploaded_count" integer DEFAULT 0 NOT NULL,
	"audience_count" integer,
	"error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" integer NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb NOT NULL,
	"size" integer,
	"size_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audiences" ADD CONSTRAINT "audiences_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_members_user_idx" ON "chat_members" USING btree ("channel_id","user_id");--> statement-breakpoint
CREATE INDEX "chats_channel_active_idx" ON "chats" USING btree ("channel_id","last_active_at","chat_id");--> statement-breakpoint
CREATE INDEX "friend_tags_user_idx" ON "friend_tags" USING btree ("channel_id","user_id");--> statement-breakpoint
CREATE INDEX "friends_channel_active_idx" ON "friends" USING btree ("channel_id","last_active_at","user_id");--> statement-breakpoint
CREATE INDEX "friends_channel_status_active_idx" ON "friends" USING btree ("channel_id","status","last_active_at","user_id");--> statement-breakpoint
CREATE INDEX "friends_channel_first_seen_idx" ON "friends" USING btree ("channel_id","first_seen_at","user_id");--> statement-breakpoint
CREATE INDEX "friends_channel_name_idx" ON "friends" USING btree ("channel_id","name_key","user_id");--> statement-breakpoint
CREATE INDEX "friends_channel_language_active_idx" ON "friends" USING btree ("channel_id","language","last_active_at","user_id");--> statement-breakpoint
CREATE INDEX "friends_search_grams_idx" ON "friends" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "friends_profile_due_idx" ON "friends" USING btree ("channel_id","profile_fetched_at") WHERE status <> 'blocked';--> statement-breakpoint
CREATE INDEX "media_channel_user_idx" ON "media" USING btree ("channel_id","user_id");--> statement-breakpoint
CREATE INDEX "audiences_segment_idx" ON "audiences" USING btree ("segment_id","created_at");--> statement-breakpoint
CREATE INDEX "audiences_channel_created_idx" ON "audiences" USING btree ("channel_id","created_at");--> statement-breakpoint
CREATE INDEX "segments_channel_updated_idx" ON "segments" USING btree ("channel_id","updated_at");--> statement-breakpoint
CREATE INDEX "send_chunks_recipients_idx" ON "send_chunks" USING gin ("recipients");--> statement-breakpoint
CREATE INDEX "sends_push_to_idx" ON "sends" USING btree ("channel_id",(request->>'to'),"created_at","id") WHERE kind = 'push';