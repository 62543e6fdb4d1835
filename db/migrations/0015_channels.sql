CREATE TABLE "channel_members" (
	"channel_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_members_channel_id_user_id_pk" PRIMARY KEY("channel_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "channel_ids" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "channel_id" integer;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "channel_ids" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "basic_id" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "picture_url" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "token_source" text DEFAULT 'environment' NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "secret_sealed" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "access_token_sealed" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "token_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channel_members" ADD CONSTRAINT "channel_members_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_members" ADD CONSTRAINT "channel_members_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_members_user_idx" ON "channel_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_log_channel_at_idx" ON "audit_log" USING btree ("channel_id","at","id");--> statement-breakpoint
-- Upgrading changes nothing for anyone: every member who is not an admin keeps their role on the first
-- channel (the one from the environment; admins are admins of every channel), every API key and open
-- invitation is for that channel, and what the audit log says about a channel is marked as its.
INSERT INTO "channel_members" ("channel_id", "user_id", "role")
  SELECT c."id", u."id", u."role" FROM "user" u CROSS JOIN "channels" c WHERE c."slug" = 'default' AND u."role" <> 'admin';--> statement-breakpoint
UPDATE "api_keys" SET "channel_ids" = ARRAY(SELECT "id" FROM "channels" WHERE "slug" = 'default');--> statement-breakpoint
UPDATE "invitations" SET "channel_ids" = ARRAY(SELECT "id" FROM "channels" WHERE "slug" = 'default');--> statement-breakpoint
-- The one explicit change the append-only log allows (0003): adding the channel to what happened on it.
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_append_only";--> statement-breakpoint
UPDATE "audit_log" SET "channel_id" = (SELECT "id" FROM "channels" WHERE "slug" = 'default')
  WHERE split_part("action", '.', 1) IN ('message', 'draft', 'segment', 'friends', 'relay')
     OR "action" IN ('settings.webhook_endpoint_set', 'settings.webhook_tested', 'settings.conversation_updated');--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_append_only";
