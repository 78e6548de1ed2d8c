CREATE TABLE "response_tallies" (
	"org_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"question" text NOT NULL,
	"value" text,
	"num" double precision,
	"sector" text,
	"region" text,
	"size" text,
	"ownership" text,
	"owner_sex" text,
	"answered" integer DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "response_tallies_key" UNIQUE NULLS NOT DISTINCT("consultation_id","question","value","num","sector","region","size","ownership","owner_sex")
);
--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "tallied" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "response_tallies" ADD CONSTRAINT "response_tallies_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_tallies" ADD CONSTRAINT "response_tallies_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "responses_untallied_idx" ON "responses" USING btree ("consultation_id") WHERE "responses"."status" = 'submitted' AND NOT "responses"."tallied";--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON response_tallies TO roundtable_app;
--> statement-breakpoint
ALTER TABLE response_tallies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY response_tallies_tenant ON response_tallies FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
