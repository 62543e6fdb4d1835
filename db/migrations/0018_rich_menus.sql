CREATE TABLE "rich_menu_link_batches" (
	"run_id" text NOT NULL,
	"seq" integer NOT NULL,
	"channel_id" integer NOT NULL,
	"user_ids" text[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" jsonb,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"locked_by" text,
	"done_at" timestamp with time zone,
	CONSTRAINT "rich_menu_link_batches_run_id_seq_pk" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "rich_menu_link_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" integer NOT NULL,
	"action" text NOT NULL,
	"rich_menu_id" text,
	"target" jsonb NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer NOT NULL,
	"done_count" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"error" jsonb,
	"author_kind" text NOT NULL,
	"author_id" text NOT NULL,
	"author_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rich_menu_links" (
	"channel_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"rich_menu_id" text NOT NULL,
	"line_rich_menu_id" text NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"run_id" text,
	CONSTRAINT "rich_menu_links_channel_id_user_id_pk" PRIMARY KEY("channel_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "rich_menus" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" integer NOT NULL,
	"name" text NOT NULL,
	"chat_bar_text" text NOT NULL,
	"selected" boolean DEFAULT false NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"areas" jsonb NOT NULL,
	"image" "bytea",
	"image_type" text,
	"tabbed_menu_id" text,
	"tab_index" integer,
	"alias_id" text,
	"line_rich_menu_id" text,
	"published_version" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"origin" text DEFAULT 'console' NOT NULL,
	"author_kind" text NOT NULL,
	"author_id" text NOT NULL,
	"author_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"publishing_until" timestamp with time zone,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tabbed_menus" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rich_menu_link_batches_due_idx" ON "rich_menu_link_batches" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "rich_menu_link_runs_channel_idx" ON "rich_menu_link_runs" USING btree ("channel_id","created_at","id");--> statement-breakpoint
CREATE INDEX "rich_menu_links_menu_idx" ON "rich_menu_links" USING btree ("channel_id","rich_menu_id");--> statement-breakpoint
CREATE INDEX "rich_menus_channel_created_idx" ON "rich_menus" USING btree ("channel_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "rich_menus_alias_idx" ON "rich_menus" USING btree ("channel_id","alias_id") WHERE alias_id is not null and deleted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "rich_menus_line_id_idx" ON "rich_menus" USING btree ("channel_id","line_rich_menu_id") WHERE line_rich_menu_id is not null and deleted_at is null;--> statement-breakpoint
CREATE INDEX "rich_menus_tabbed_idx" ON "rich_menus" USING btree ("tabbed_menu_id") WHERE tabbed_menu_id is not null;--> statement-breakpoint
CREATE INDEX "tabbed_menus_channel_idx" ON "tabbed_menus" USING btree ("channel_id","created_at");