-- The membership status history is ordered by a sequence too, as the other
-- histories are since 0026: two changes within one clock tick (an import, a
-- renewal and a status change of one request) came back in the order of their
-- random ids. Existing rows are numbered in the order they were shown until now.
ALTER TABLE "membership_status_history" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
UPDATE "membership_status_history" t SET "seq" = o.n FROM (SELECT id, row_number() OVER (ORDER BY "changed_at", id) AS n FROM "membership_status_history") o WHERE o.id = t.id;--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('membership_status_history', 'seq'), (SELECT coalesce(max("seq"), 0) + 1 FROM "membership_status_history"), false);--> statement-breakpoint
GRANT USAGE ON SEQUENCE membership_status_history_seq_seq TO roundtable_app;--> statement-breakpoint
DROP INDEX IF EXISTS "membership_status_history_member_idx";--> statement-breakpoint
CREATE INDEX "membership_status_history_member_idx" ON "membership_status_history" USING btree ("org_id","member_id","seq");
