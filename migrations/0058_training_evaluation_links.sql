-- A participant's own link to a course's evaluation form (server/modules/training,
-- issue 19.3): staff mail each participant a personal link to the pre-test,
-- post-test or satisfaction form, or show it as a QR code to someone without an
-- address. One link per course, form kind and person, renewed when sent again
-- (the older one then stops working); only the token's SHA-256 is kept, with its
-- expiry and the moment it was used. The organisation's id is in every key and
-- on both sides of every foreign key between tenant tables (migration 0031); the
-- token is unique with its organisation, looked up by its hash alone.
CREATE TABLE "training_evaluation_links" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"sent_to" text DEFAULT '' NOT NULL,
	"sent_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_evaluation_links_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "training_evaluation_links_kind_check" CHECK ("training_evaluation_links"."kind" IN ('pre', 'post', 'satisfaction'))
);
--> statement-breakpoint
ALTER TABLE "training_evaluation_links" ADD CONSTRAINT "training_evaluation_links_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_links" ADD CONSTRAINT "training_evaluation_links_course_id_training_courses_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_links" ADD CONSTRAINT "training_evaluation_links_person_id_people_id_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_evaluation_links_person_key" ON "training_evaluation_links" USING btree ("course_id","kind","person_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_evaluation_links_token_key" ON "training_evaluation_links" USING btree ("token_hash","org_id");--> statement-breakpoint
CREATE INDEX "training_evaluation_links_person_idx" ON "training_evaluation_links" USING btree ("org_id","person_id");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON training_evaluation_links TO roundtable_app;
--> statement-breakpoint
ALTER TABLE training_evaluation_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_evaluation_links_tenant ON training_evaluation_links FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
