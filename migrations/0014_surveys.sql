CREATE TABLE "consultation_invitations" (
	"org_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"invited_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"reminded_at" timestamp (3) with time zone,
	CONSTRAINT "consultation_invitations_consultation_id_member_id_pk" PRIMARY KEY("consultation_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"form_id" uuid NOT NULL,
	"form_version" integer,
	"identity" text NOT NULL,
	"audience" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"public_token" text,
	"closes_on" date,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp (3) with time zone,
	CONSTRAINT "consultations_identity_check" CHECK ("consultations"."identity" IN ('firm', 'anonymous')),
	CONSTRAINT "consultations_status_check" CHECK ("consultations"."status" IN ('draft', 'open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "form_versions" (
	"org_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_versions_form_id_version_pk" PRIMARY KEY("form_id","version")
);
--> statement-breakpoint
CREATE TABLE "forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"purpose" text DEFAULT 'survey' NOT NULL,
	"definition" jsonb NOT NULL,
	"published_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forms_purpose_check" CHECK ("forms"."purpose" IN ('survey', 'interview', 'evaluation'))
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"form_version" integer NOT NULL,
	"member_id" uuid,
	"resume_key_hash" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"firm" jsonb,
	"status" text DEFAULT 'draft' NOT NULL,
	"channel" text DEFAULT 'web' NOT NULL,
	"entered_by" uuid,
	"text_tags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	CONSTRAINT "responses_status_check" CHECK ("responses"."status" IN ('draft', 'submitted')),
	CONSTRAINT "responses_channel_check" CHECK ("responses"."channel" IN ('web', 'phone', 'field'))
);
--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_form_id_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."forms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_versions" ADD CONSTRAINT "form_versions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_versions" ADD CONSTRAINT "form_versions_form_id_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forms" ADD CONSTRAINT "forms_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_invitations_token_key" ON "consultation_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "consultations_org_idx" ON "consultations" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_public_token_key" ON "consultations" USING btree ("public_token");--> statement-breakpoint
CREATE INDEX "forms_org_idx" ON "forms" USING btree ("org_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_firm_key" ON "responses" USING btree ("consultation_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_resume_key" ON "responses" USING btree ("resume_key_hash");--> statement-breakpoint
CREATE INDEX "responses_consultation_idx" ON "responses" USING btree ("consultation_id","status");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON forms, consultations, consultation_invitations, responses TO roundtable_app;
--> statement-breakpoint
-- Published versions are frozen: the app may add them, never change them.
GRANT SELECT, INSERT ON form_versions TO roundtable_app;
--> statement-breakpoint
ALTER TABLE forms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY forms_tenant ON forms FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE form_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY form_versions_tenant ON form_versions FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE consultations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consultations_tenant ON consultations FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE consultation_invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consultation_invitations_tenant ON consultation_invitations FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE responses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY responses_tenant ON responses FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
