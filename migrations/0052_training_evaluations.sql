-- Evaluations of training (server/modules/training, issue 19.3): a course
-- names up to three published forms of the surveys module (pre-test,
-- post-test, satisfaction), each at the version published when chosen; a
-- participant's submitted answers are kept per course, form kind and person
-- with the test's score (the form's calculated field `score`). A course may
-- ask for a least post-test score beside its attendance share.
-- The organisation's id is in every key and on both sides of every foreign
-- key between tenant tables (migration 0031).
ALTER TABLE "training_courses" ADD COLUMN "min_post_score" double precision;
--> statement-breakpoint
CREATE TABLE "training_course_forms" (
	"org_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"form_id" uuid NOT NULL,
	"form_version" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_course_forms_pkey" PRIMARY KEY("course_id","kind","org_id"),
	CONSTRAINT "training_course_forms_kind_check" CHECK ("training_course_forms"."kind" IN ('pre', 'post', 'satisfaction'))
);
--> statement-breakpoint
CREATE TABLE "training_evaluation_answers" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"form_version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"score" double precision,
	"submission_key" text,
	"entered_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_evaluation_answers_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "training_evaluation_answers_kind_check" CHECK ("training_evaluation_answers"."kind" IN ('pre', 'post', 'satisfaction'))
);
--> statement-breakpoint
ALTER TABLE "training_course_forms" ADD CONSTRAINT "training_course_forms_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_forms" ADD CONSTRAINT "training_course_forms_course_id_training_courses_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_forms" ADD CONSTRAINT "training_course_forms_form_id_forms_id_fk" FOREIGN KEY ("org_id","form_id") REFERENCES "public"."forms"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_answers" ADD CONSTRAINT "training_evaluation_answers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_answers" ADD CONSTRAINT "training_evaluation_answers_course_id_training_courses_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_answers" ADD CONSTRAINT "training_evaluation_answers_person_id_people_id_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_evaluation_answers_person_key" ON "training_evaluation_answers" USING btree ("course_id","kind","person_id","org_id");--> statement-breakpoint
CREATE INDEX "training_evaluation_answers_person_idx" ON "training_evaluation_answers" USING btree ("org_id","person_id");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON training_course_forms, training_evaluation_answers TO roundtable_app;
--> statement-breakpoint
ALTER TABLE training_course_forms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_course_forms_tenant ON training_course_forms FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE training_evaluation_answers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_evaluation_answers_tenant ON training_evaluation_answers FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
