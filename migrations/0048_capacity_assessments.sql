-- The BMO's own capacity (server/modules/training, capacity-*.ts): a
-- self-assessment per organisation and year (one a year), an answer per item
-- of the catalogue (contracts/capacity.ts) on four levels with a note, and the
-- courses planned for its gaps. The organisation's id is in every key and on
-- both sides of every foreign key between tenant tables (migration 0031).
CREATE TABLE "capacity_assessments" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" text NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	"submitted_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_assessments_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "capacity_assessments_status_check" CHECK ("capacity_assessments"."status" IN ('draft', 'submitted')),
	CONSTRAINT "capacity_assessments_year_check" CHECK ("capacity_assessments"."year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "capacity_answers" (
	"org_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"level" integer,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_answers_pkey" PRIMARY KEY("assessment_id","item_key","org_id"),
	CONSTRAINT "capacity_answers_level_check" CHECK ("capacity_answers"."level" BETWEEN 1 AND 4)
);
--> statement-breakpoint
CREATE TABLE "capacity_gap_courses" (
	"org_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_gap_courses_pkey" PRIMARY KEY("course_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "capacity_assessments" ADD CONSTRAINT "capacity_assessments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_answers" ADD CONSTRAINT "capacity_answers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_answers" ADD CONSTRAINT "capacity_answers_assessment_id_capacity_assessments_id_fk" FOREIGN KEY ("org_id","assessment_id") REFERENCES "public"."capacity_assessments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_gap_courses" ADD CONSTRAINT "capacity_gap_courses_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_gap_courses" ADD CONSTRAINT "capacity_gap_courses_assessment_id_capacity_assessments_id_fk" FOREIGN KEY ("org_id","assessment_id") REFERENCES "public"."capacity_assessments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_gap_courses" ADD CONSTRAINT "capacity_gap_courses_course_id_training_courses_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_assessments_year_key" ON "capacity_assessments" USING btree ("year","org_id");--> statement-breakpoint
CREATE INDEX "capacity_gap_courses_gap_idx" ON "capacity_gap_courses" USING btree ("org_id","assessment_id","item_key");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON capacity_assessments, capacity_answers, capacity_gap_courses TO roundtable_app;
--> statement-breakpoint
ALTER TABLE capacity_assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY capacity_assessments_tenant ON capacity_assessments FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE capacity_answers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY capacity_answers_tenant ON capacity_answers FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE capacity_gap_courses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY capacity_gap_courses_tenant ON capacity_gap_courses FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
-- The umbrella's view of its branches' capacity, as branch_membership()
-- (migration 0025) reads their firms: every direct branch is a row (a branch
-- without a submitted self-assessment of the year has one row with nulls),
-- and only the levels of submitted self-assessments cross, never notes nor drafts.
CREATE FUNCTION branch_capacity(p_year integer) RETURNS TABLE (org_id uuid, org_name text, item_key text, level integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT o.id, o.name, l.item_key, l.level
  FROM orgs o
  LEFT JOIN capacity_assessments a ON a.org_id = o.id AND a.year = p_year AND a.status = 'submitted'
  LEFT JOIN capacity_answers l ON l.org_id = a.org_id AND l.assessment_id = a.id
  WHERE o.parent_id = app_org()
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION branch_capacity(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION branch_capacity(integer) TO roundtable_app;
