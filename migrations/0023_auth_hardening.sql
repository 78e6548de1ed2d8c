-- Mail that carries a secret (a reset, invitation or respondent link) keeps
-- it apart from the body people read: `body` has the link withheld,
-- `sealed_body` is what the recipient gets. The sealed body is cleared once
-- sent; it is shown to no one while SMTP is configured (platform/mail/README.md).
ALTER TABLE "mail_outbox" ADD COLUMN "sealed_body" text;
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "secret_expires_at" timestamp (3) with time zone;
--> statement-breakpoint
-- A system mail (org_id null) whose link the admins of this one organisation
-- may hand over while no SMTP is configured: a password reset of someone who
-- belongs to that organisation only.
ALTER TABLE "mail_outbox" ADD COLUMN "handover_org_id" uuid;
--> statement-breakpoint
CREATE INDEX "mail_outbox_handover_idx" ON "mail_outbox" USING btree ("handover_org_id", "created_at") WHERE "handover_org_id" IS NOT NULL;
--> statement-breakpoint
-- Reset mails belonged to the person's "first" organisation, whose admins
-- could read the link: they become system mail, and links already written
-- in bodies are withheld (a pending one is kept sealed for its recipient).
UPDATE "mail_outbox" SET "org_id" = NULL WHERE "kind" = 'password_reset';
--> statement-breakpoint
UPDATE "mail_outbox"
  SET "sealed_body" = CASE WHEN "status" = 'pending' THEN "body" END,
      "body" = regexp_replace("body", '(/(reset-password|invitation|r)/)[A-Za-z0-9_-]{20,}', '\1…', 'g')
  WHERE "kind" IN ('password_reset', 'invitation', 'consultation_invitation', 'consultation_reminder');
--> statement-breakpoint
DROP POLICY mail_outbox_tenant ON mail_outbox;
--> statement-breakpoint
CREATE POLICY mail_outbox_read ON mail_outbox FOR SELECT TO roundtable_app
  USING (org_id = app_org() OR handover_org_id = app_org());
--> statement-breakpoint
CREATE POLICY mail_outbox_write ON mail_outbox FOR INSERT TO roundtable_app
  WITH CHECK (org_id = app_org() AND handover_org_id IS NULL);
--> statement-breakpoint
-- Set when the link may be handed over by that organisation's admins; the
-- reset is then refused if the person belongs to any other organisation.
ALTER TABLE "password_resets" ADD COLUMN "handover_org_id" uuid;
--> statement-breakpoint
-- Failed sign-ins (and other guessable requests) per account and per source
-- address, in the database so that every app process counts the same.
-- Read and written only by the system context: no grant to roundtable_app.
CREATE TABLE "auth_throttle" (
  "key" text PRIMARY KEY NOT NULL,
  "hits" integer NOT NULL,
  "window_ends" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "auth_throttle_window_idx" ON "auth_throttle" USING btree ("window_ends");
--> statement-breakpoint
ALTER TABLE "auth_throttle" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A paper's title is part of each version: a draft's new title must not
-- reach the public tracker or the approved PDF before it is approved.
ALTER TABLE "position_paper_versions" ADD COLUMN "title" text;
--> statement-breakpoint
UPDATE "position_paper_versions" v SET "title" = p."title" FROM "position_papers" p WHERE p."id" = v."paper_id";
--> statement-breakpoint
ALTER TABLE "position_paper_versions" ALTER COLUMN "title" SET NOT NULL;
--> statement-breakpoint
-- Only an erased contact's audit trail may be blanked, and only after the
-- erasure was written (erasePerson does both in one transaction).
CREATE OR REPLACE FUNCTION scrub_audit_entity(p_entity_type text, p_entity_id text) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  scrubbed integer;
BEGIN
  IF p_entity_type <> 'member_contact' OR NOT EXISTS (
    SELECT 1 FROM member_contacts WHERE id::text = p_entity_id AND org_id = app_org() AND erased_at IS NOT NULL
  ) THEN
    RAISE EXCEPTION 'only an erased contact''s audit entries may be scrubbed' USING ERRCODE = '42501';
  END IF;
  UPDATE audit_log SET before = CASE WHEN before IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END,
                       after = CASE WHEN after IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END
  WHERE org_id = app_org() AND entity_type = p_entity_type AND entity_id = p_entity_id;
  GET DIAGNOSTICS scrubbed = ROW_COUNT;
  RETURN scrubbed;
END
$$;
