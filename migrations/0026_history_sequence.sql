-- Histories are ordered by a sequence, not by their clock: two steps of one
-- request can share a clock tick (the embedded database's clock is coarser
-- than PostgreSQL's) and then came back in the order of their random ids (a
-- clean CI run failed on it). Existing rows are numbered in the order they
-- were shown until now.
ALTER TABLE "advocacy_step_scores" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "advocacy_events" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "decision_follow_ups" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "member_issue_events" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
UPDATE "advocacy_step_scores" t SET "seq" = o.n FROM (SELECT id, row_number() OVER (ORDER BY "at", id) AS n FROM "advocacy_step_scores") o WHERE o.id = t.id;--> statement-breakpoint
UPDATE "advocacy_events" t SET "seq" = o.n FROM (SELECT id, row_number() OVER (ORDER BY "at", id) AS n FROM "advocacy_events") o WHERE o.id = t.id;--> statement-breakpoint
UPDATE "decision_follow_ups" t SET "seq" = o.n FROM (SELECT id, row_number() OVER (ORDER BY "at", id) AS n FROM "decision_follow_ups") o WHERE o.id = t.id;--> statement-breakpoint
UPDATE "member_issue_events" t SET "seq" = o.n FROM (SELECT id, row_number() OVER (ORDER BY "at", id) AS n FROM "member_issue_events") o WHERE o.id = t.id;--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('advocacy_step_scores', 'seq'), (SELECT coalesce(max("seq"), 0) + 1 FROM "advocacy_step_scores"), false);--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('advocacy_events', 'seq'), (SELECT coalesce(max("seq"), 0) + 1 FROM "advocacy_events"), false);--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('decision_follow_ups', 'seq'), (SELECT coalesce(max("seq"), 0) + 1 FROM "decision_follow_ups"), false);--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('member_issue_events', 'seq'), (SELECT coalesce(max("seq"), 0) + 1 FROM "member_issue_events"), false);--> statement-breakpoint
GRANT USAGE ON SEQUENCE advocacy_step_scores_seq_seq, advocacy_events_seq_seq, decision_follow_ups_seq_seq, member_issue_events_seq_seq TO roundtable_app;--> statement-breakpoint
DROP INDEX IF EXISTS "advocacy_step_scores_issue_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "advocacy_events_issue_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "decision_follow_ups_decision_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "member_issue_events_issue_idx";--> statement-breakpoint
CREATE INDEX "advocacy_step_scores_issue_idx" ON "advocacy_step_scores" USING btree ("issue_id","step","seq");--> statement-breakpoint
CREATE INDEX "advocacy_events_issue_idx" ON "advocacy_events" USING btree ("issue_id","seq");--> statement-breakpoint
CREATE INDEX "decision_follow_ups_decision_idx" ON "decision_follow_ups" USING btree ("decision_id","seq");--> statement-breakpoint
CREATE INDEX "member_issue_events_issue_idx" ON "member_issue_events" USING btree ("issue_id","seq");
