-- A submission made offline is sent again when the connection returns, and a
-- lost answer makes the browser send it again: the key it generated once per
-- submission lets the server answer "sent" to a repeat without a second
-- response. The same for an issue a member raised offline.
ALTER TABLE "responses" ADD COLUMN "submission_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "responses_submission_key" ON "responses" USING btree ("consultation_id","submission_key") WHERE "responses"."submission_key" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "member_issues" ADD COLUMN "client_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "member_issues_client_key" ON "member_issues" USING btree ("org_id","client_key") WHERE "member_issues"."client_key" IS NOT NULL;--> statement-breakpoint
-- Calculated questions are now counted as numbers (mean, median…): their
-- consultations' submissions are counted again on their next analysis.
DELETE FROM "response_tallies" t USING "consultations" c, "form_versions" v
  WHERE c.id = t.consultation_id AND v.form_id = c.form_id AND v.version = c.form_version AND v.definition::text LIKE '%"calculate"%';--> statement-breakpoint
UPDATE "responses" r SET "tallied" = false FROM "consultations" c, "form_versions" v
  WHERE r.tallied AND c.id = r.consultation_id AND v.form_id = c.form_id AND v.version = c.form_version AND v.definition::text LIKE '%"calculate"%';
