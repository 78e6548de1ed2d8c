CREATE TABLE "advocacy_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advocacy_documents_size_check" CHECK ("advocacy_documents"."size" <= 10485760)
);
--> statement-breakpoint
ALTER TABLE "advocacy_documents" ADD CONSTRAINT "advocacy_documents_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_documents" ADD CONSTRAINT "advocacy_documents_issue_id_advocacy_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."advocacy_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advocacy_documents_issue_idx" ON "advocacy_documents" USING btree ("issue_id","created_at");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON advocacy_documents TO roundtable_app;
--> statement-breakpoint
ALTER TABLE advocacy_documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY advocacy_documents_tenant ON advocacy_documents FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
