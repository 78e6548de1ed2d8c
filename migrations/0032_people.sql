-- People the programmes reach (server/modules/people). Their names are compared
-- by a key: the words of the name, lower case and without accents, as firms'
-- names are searched (f_unaccent, migration 0004), sorted so that the order of
-- given and family names does not matter. Words are split on spaces and
-- punctuation only: any other character, whatever its script, is a letter, so
-- "Ёлка", "Nguyễn" and "أحمد" keep their words on every database's locale.
CREATE FUNCTION people_name_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  SELECT array_to_string(ARRAY(
    SELECT w FROM regexp_split_to_table(f_unaccent(lower(name)), '[\s!-/:-@\[-`{-~’‘“”«»–—·،]+') AS w
    WHERE w <> '' ORDER BY w COLLATE "C"), ' ')
$$;
--> statement-breakpoint
CREATE TABLE "people" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_key" text GENERATED ALWAYS AS (people_name_key(name)) STORED,
	"sex" text DEFAULT 'not_stated' NOT NULL,
	"birth_year" integer,
	"age_band" text,
	"phone" text DEFAULT '' NOT NULL,
	"phone_key" text,
	"email" text DEFAULT '' NOT NULL,
	"email_key" text,
	"member_id" uuid,
	"branch_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"merged_into_id" uuid,
	"merged_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "people_sex_check" CHECK ("people"."sex" IN ('female', 'male', 'not_stated')),
	CONSTRAINT "people_age_band_check" CHECK ("people"."age_band" IS NULL OR "people"."age_band" IN ('under_15', '15_24', '25_34', '35_plus')),
	CONSTRAINT "people_birth_year_check" CHECK ("people"."birth_year" IS NULL OR "people"."birth_year" BETWEEN 1900 AND 2100),
	CONSTRAINT "people_one_age_check" CHECK ("people"."birth_year" IS NULL OR "people"."age_band" IS NULL),
	CONSTRAINT "people_not_merged_into_self" CHECK ("people"."merged_into_id" IS NULL OR "people"."merged_into_id" <> "people"."id")
);
--> statement-breakpoint
CREATE TABLE "person_participations" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid NOT NULL,
	"role" text NOT NULL,
	"occurred_on" date NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_participations_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "person_participations_slugs_check" CHECK ("person_participations"."kind" ~ '^[a-z][a-z0-9_]{0,39}$' AND "person_participations"."source" ~ '^[a-z][a-z0-9_]{0,39}$'),
	CONSTRAINT "person_participations_role_check" CHECK ("person_participations"."role" IN ('participant', 'trainer', 'new_job', 'higher_income'))
);
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The firm, with the organisation on both sides (migration 0031); removing the
-- firm empties member_id only. Before 0031 has widened members' key, by its id.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = 'members'::regclass AND c.contype IN ('p', 'u')
             AND (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k) = ARRAY['id', 'org_id']) THEN
    ALTER TABLE "people" ADD CONSTRAINT "people_member_id_members_id_fk" FOREIGN KEY ("org_id", "member_id") REFERENCES "members" ("org_id", "id") ON DELETE SET NULL ("member_id");
  ELSE
    ALTER TABLE "people" ADD CONSTRAINT "people_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE SET NULL;
  END IF;
END $$;
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_branch_id_orgs_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."orgs"("id") ON DELETE SET NULL ("branch_id");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_merged_into_fk" FOREIGN KEY ("org_id","merged_into_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_participations" ADD CONSTRAINT "person_participations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_participations" ADD CONSTRAINT "person_participations_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_org_name_idx" ON "people" USING btree ("org_id","name","id");--> statement-breakpoint
CREATE INDEX "people_org_name_key_idx" ON "people" USING btree ("org_id","name_key");--> statement-breakpoint
CREATE INDEX "people_org_phone_idx" ON "people" USING btree ("org_id","phone_key");--> statement-breakpoint
CREATE INDEX "people_org_email_idx" ON "people" USING btree ("org_id","email_key");--> statement-breakpoint
CREATE INDEX "people_org_member_idx" ON "people" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE INDEX "people_org_branch_idx" ON "people" USING btree ("org_id","branch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_participations_once_key" ON "person_participations" USING btree ("org_id","source","source_id","person_id","role","occurred_on");--> statement-breakpoint
CREATE INDEX "person_participations_person_idx" ON "person_participations" USING btree ("org_id","person_id","occurred_on");--> statement-breakpoint
CREATE INDEX "person_participations_kind_idx" ON "person_participations" USING btree ("org_id","kind","occurred_on");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON people, person_participations TO roundtable_app;
--> statement-breakpoint
ALTER TABLE people ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY people_tenant ON people FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE person_participations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_participations_tenant ON person_participations FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
