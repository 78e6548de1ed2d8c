CREATE TABLE "response_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "response_files_size_check" CHECK ("response_files"."size" <= 5242880)
);
--> statement-breakpoint
ALTER TABLE "response_files" ADD CONSTRAINT "response_files_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_files" ADD CONSTRAINT "response_files_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "response_files_consultation_idx" ON "response_files" USING btree ("consultation_id");--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON response_files TO roundtable_app;
--> statement-breakpoint
ALTER TABLE response_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY response_files_tenant ON response_files FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
