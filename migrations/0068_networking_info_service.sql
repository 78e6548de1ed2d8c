-- The information service (server/modules/networking, issue 18.7): entries
-- staff keep by type (finance sources and guarantee schemes, export market
-- requirements, regulations, service providers, trade fairs), each with its
-- source and review date and tagged by sector (ISIC), product (HS) and
-- country; a member firm's subscription (one per firm) that the weekly digest
-- follows, with when its last digest went; and a firm's enquiries with staff's
-- answers (the time to answer is answered_at - asked_at), which may become an
-- entry (networking_info_entries.enquiry_id). The organisation's id is in every
-- key and on both sides of every foreign key; row-level security as every
-- tenant table.
CREATE TABLE "networking_enquiries" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"question" text NOT NULL,
	"answer" text,
	"asked_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp (3) with time zone,
	CONSTRAINT "networking_enquiries_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "networking_enquiries_answered_check" CHECK (("networking_enquiries"."answer" IS NULL) = ("networking_enquiries"."answered_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "networking_info_entries" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"source_url" text DEFAULT '' NOT NULL,
	"review_on" date NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"hs_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"enquiry_id" uuid,
	"published_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "networking_info_entries_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "networking_info_entries_type_check" CHECK ("networking_info_entries"."type" IN ('finance', 'export_requirements', 'regulation', 'service_provider', 'trade_fair')),
	CONSTRAINT "networking_info_entries_state_check" CHECK ("networking_info_entries"."state" IN ('draft', 'published', 'archived'))
);
--> statement-breakpoint
CREATE TABLE "networking_info_subscriptions" (
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"hs_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"types" text[] DEFAULT '{}'::text[] NOT NULL,
	"last_digest_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "networking_info_subscriptions_pkey" PRIMARY KEY("member_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "networking_enquiries" ADD CONSTRAINT "networking_enquiries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_enquiries" ADD CONSTRAINT "networking_enquiries_member_id_members_id_fk" FOREIGN KEY ("org_id","member_id") REFERENCES "public"."members"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_info_entries" ADD CONSTRAINT "networking_info_entries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_info_entries" ADD CONSTRAINT "networking_info_entries_enquiry_id_networking_enquiries_id_fk" FOREIGN KEY ("org_id","enquiry_id") REFERENCES "public"."networking_enquiries"("org_id","id") ON DELETE SET NULL ("enquiry_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_info_subscriptions" ADD CONSTRAINT "networking_info_subscriptions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_info_subscriptions" ADD CONSTRAINT "networking_info_subscriptions_member_id_members_id_fk" FOREIGN KEY ("org_id","member_id") REFERENCES "public"."members"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "networking_enquiries_asked_idx" ON "networking_enquiries" USING btree ("org_id","asked_at");--> statement-breakpoint
CREATE INDEX "networking_enquiries_member_idx" ON "networking_enquiries" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE INDEX "networking_info_entries_state_idx" ON "networking_info_entries" USING btree ("org_id","state","published_at");--> statement-breakpoint
CREATE INDEX "networking_info_entries_review_idx" ON "networking_info_entries" USING btree ("org_id","review_on");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON networking_enquiries TO roundtable_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON networking_info_entries TO roundtable_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON networking_info_subscriptions TO roundtable_app;
--> statement-breakpoint
ALTER TABLE networking_enquiries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY networking_enquiries_tenant ON networking_enquiries FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE networking_info_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY networking_info_entries_tenant ON networking_info_entries FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE networking_info_subscriptions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY networking_info_subscriptions_tenant ON networking_info_subscriptions FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
