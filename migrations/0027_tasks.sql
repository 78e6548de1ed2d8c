CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"permission" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"phase" text DEFAULT 'starting' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"started_by" uuid,
	"started_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "tasks_state_check" CHECK ("tasks"."state" in ('queued', 'running', 'done', 'failed', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX "tasks_org_idx" ON "tasks" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "tasks_unfinished_idx" ON "tasks" USING btree ("heartbeat_at") WHERE "tasks"."state" in ('queued', 'running');--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON tasks TO roundtable_app;
--> statement-breakpoint
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tasks_tenant ON tasks FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
-- The import's duplicate search compares names in the server now (members/import/name-index.ts).
DROP FUNCTION IF EXISTS member_similar_names(jsonb, real);
