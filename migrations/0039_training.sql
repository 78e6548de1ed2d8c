-- Training (server/modules/training): courses and their curriculum; sessions,
-- which are events of the events module (kind training_session) that keep the
-- registration and attendance; trainers of a course and trainers certified
-- after a training of trainers, both people of the people module. The
-- organisation's id is in every key and on both sides of every foreign key
-- between tenant tables (migration 0031).
CREATE TABLE "training_courses" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"hours" double precision DEFAULT 0 NOT NULL,
	"completion_share" integer DEFAULT 80 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "training_courses_kind_check" CHECK ("training_courses"."kind" IN ('workshop', 'course', 'tot', 'coaching')),
	CONSTRAINT "training_courses_hours_check" CHECK ("training_courses"."hours" >= 0),
	CONSTRAINT "training_courses_completion_check" CHECK ("training_courses"."completion_share" BETWEEN 1 AND 100)
);
--> statement-breakpoint
CREATE TABLE "training_modules" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hours" double precision DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_modules_pkey" PRIMARY KEY("id","org_id")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"org_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_pkey" PRIMARY KEY("event_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "training_course_trainers" (
	"org_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_course_trainers_pkey" PRIMARY KEY("course_id","person_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "training_certifications" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"certified_on" date NOT NULL,
	"teach_back" text NOT NULL,
	"certified_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_certifications_pkey" PRIMARY KEY("id","org_id")
);
--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_modules" ADD CONSTRAINT "training_modules_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_modules" ADD CONSTRAINT "training_modules_course_id_training_courses_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_event_id_events_id_fk" FOREIGN KEY ("org_id","event_id") REFERENCES "public"."events"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_trainers" ADD CONSTRAINT "training_course_trainers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_trainers" ADD CONSTRAINT "training_course_trainers_course_id_training_courses_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_trainers" ADD CONSTRAINT "training_course_trainers_person_id_people_id_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certifications" ADD CONSTRAINT "training_certifications_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certifications" ADD CONSTRAINT "training_certifications_course_id_training_courses_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certifications" ADD CONSTRAINT "training_certifications_person_id_people_id_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_courses_org_idx" ON "training_courses" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "training_modules_course_idx" ON "training_modules" USING btree ("org_id","course_id","position");--> statement-breakpoint
CREATE INDEX "training_sessions_course_idx" ON "training_sessions" USING btree ("org_id","course_id");--> statement-breakpoint
CREATE INDEX "training_course_trainers_person_idx" ON "training_course_trainers" USING btree ("org_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certifications_person_key" ON "training_certifications" USING btree ("course_id","person_id","org_id");--> statement-breakpoint
CREATE INDEX "training_certifications_on_idx" ON "training_certifications" USING btree ("org_id","certified_on");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON training_courses, training_modules, training_sessions, training_course_trainers, training_certifications TO roundtable_app;
--> statement-breakpoint
ALTER TABLE training_courses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_courses_tenant ON training_courses FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE training_modules ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_modules_tenant ON training_modules FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE training_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_sessions_tenant ON training_sessions FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE training_course_trainers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_course_trainers_tenant ON training_course_trainers FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE training_certifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_certifications_tenant ON training_certifications FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
