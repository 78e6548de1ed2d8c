-- Follow-up forms (server/modules/surveys/follow-up-form-service.ts, issue 18.6):
-- a form of the form engine sent by the job queue to someone some months after
-- something happened (an introduction whose firms met: networking's deals; later
-- self-help services, local partnerships). One row per subject, recipient and
-- month: due on its day, mailed once by the job (a personal link whose token is
-- kept only as its SHA-256), answered once on the respondent page (`/r/fu-…`);
-- the answers stay here, read back by the subject's module. The organisation's
-- id is in every key and on both sides of every foreign key (migration 0031).
CREATE TABLE "survey_follow_ups" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"form_id" uuid NOT NULL,
	"form_version" integer,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"recipient_name" text DEFAULT '' NOT NULL,
	"recipient_emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"about" text DEFAULT '' NOT NULL,
	"months" integer NOT NULL,
	"due_on" date NOT NULL,
	"token_hash" text,
	"sent_to" text DEFAULT '' NOT NULL,
	"sent_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone,
	"answered_at" timestamp (3) with time zone,
	"answers" jsonb,
	"submission_key" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_follow_ups_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "survey_follow_ups_months_check" CHECK ("survey_follow_ups"."months" BETWEEN 1 AND 60),
	CONSTRAINT "survey_follow_ups_answered_check" CHECK ("survey_follow_ups"."answered_at" IS NULL OR ("survey_follow_ups"."answers" IS NOT NULL AND "survey_follow_ups"."form_version" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_form_id_forms_id_fk" FOREIGN KEY ("org_id","form_id") REFERENCES "public"."forms"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_follow_ups_subject_key" ON "survey_follow_ups" USING btree ("subject_type","subject_id","recipient_id","months","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_follow_ups_token_key" ON "survey_follow_ups" USING btree ("token_hash","org_id");--> statement-breakpoint
CREATE INDEX "survey_follow_ups_due_idx" ON "survey_follow_ups" USING btree ("due_on") WHERE "sent_at" IS NULL;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON survey_follow_ups TO roundtable_app;
--> statement-breakpoint
ALTER TABLE survey_follow_ups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY survey_follow_ups_tenant ON survey_follow_ups FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
-- Networking's deal form: made once per organisation from a default definition
-- when its first introduction reaches `met`; staff may reword it like any form.
ALTER TABLE "networking_settings" ADD COLUMN "deal_form_id" uuid;
--> statement-breakpoint
ALTER TABLE "networking_settings" ADD CONSTRAINT "networking_settings_deal_form_id_forms_id_fk" FOREIGN KEY ("org_id","deal_form_id") REFERENCES "public"."forms"("org_id","id") ON DELETE SET NULL ("deal_form_id") ON UPDATE no action;
