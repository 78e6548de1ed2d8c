-- An import writes its new firms in short transactions (500 at a time), so
-- that on the embedded database, where every request shares one session, nobody
-- waits for the whole import. Until its last step commits, the import is
-- 'writing'; a task that ends unfinished (cancelled, failed, lost with its
-- process) takes back the firms it wrote and marks the import 'undone'.
-- Imports written before this are whole, hence the default.
ALTER TABLE "member_imports" ADD COLUMN "task_id" uuid;--> statement-breakpoint
ALTER TABLE "member_imports" ADD COLUMN "state" text DEFAULT 'done' NOT NULL;--> statement-breakpoint
ALTER TABLE "member_imports" ADD CONSTRAINT "member_imports_state_check" CHECK ("state" in ('writing', 'done', 'undone'));--> statement-breakpoint
CREATE INDEX "member_imports_writing_idx" ON "member_imports" USING btree ("org_id", "task_id") WHERE "state" = 'writing';--> statement-breakpoint
CREATE INDEX "members_import_idx" ON "members" USING btree ("org_id", "import_id") WHERE "import_id" IS NOT NULL;--> statement-breakpoint
-- The record is still written once by the app, except for its state.
GRANT UPDATE ("state") ON member_imports TO roundtable_app;
--> statement-breakpoint
-- A task that ended unfinished and whose work is not yet taken back: the sweep retries its undo.
ALTER TABLE "tasks" ADD COLUMN "undo_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "tasks_undo_pending_idx" ON "tasks" USING btree ("heartbeat_at") WHERE "undo_pending";
