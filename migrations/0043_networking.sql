-- SME networking (server/modules/networking): member firms' directory
-- profiles (public field by field), cooperation offers and requests reviewed
-- by staff, expressions of interest, introductions the chamber makes, and the
-- organisation's settings (expiry, reminders, matching weights). The
-- organisation's id is in every key and on both sides of every foreign key
-- between tenant tables (migration 0031).
CREATE TABLE "networking_profiles" (
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"opted_in" boolean DEFAULT false NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"offerings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"export_markets" text[] DEFAULT '{}'::text[] NOT NULL,
	"certifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"public_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"published_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone,
	"reminded_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "networking_profiles_pkey" PRIMARY KEY("member_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "networking_offers" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"side" text NOT NULL,
	"title" text NOT NULL,
	"offered" text DEFAULT '' NOT NULL,
	"sought" text DEFAULT '' NOT NULL,
	"hs_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"published_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone,
	"reminded_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "networking_offers_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "networking_offers_kind_check" CHECK ("networking_offers"."kind" IN ('subcontracting', 'joint_venture', 'franchising', 'supplier', 'buyer', 'distributor', 'export_partner', 'technology')),
	CONSTRAINT "networking_offers_side_check" CHECK ("networking_offers"."side" IN ('offer', 'request')),
	CONSTRAINT "networking_offers_state_check" CHECK ("networking_offers"."state" IN ('draft', 'submitted', 'returned', 'published', 'expired', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "networking_interests" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "networking_interests_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "networking_interests_state_check" CHECK ("networking_interests"."state" IN ('open', 'introduced'))
);
--> statement-breakpoint
CREATE TABLE "networking_introductions" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"firm_a" uuid NOT NULL,
	"firm_b" uuid NOT NULL,
	"offer_id" uuid,
	"interest_id" uuid,
	"state" text DEFAULT 'proposed' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "networking_introductions_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "networking_introductions_state_check" CHECK ("networking_introductions"."state" IN ('proposed', 'accepted', 'met', 'deal', 'no_deal')),
	CONSTRAINT "networking_introductions_two_firms_check" CHECK ("networking_introductions"."firm_a" <> "networking_introductions"."firm_b")
);
--> statement-breakpoint
CREATE TABLE "networking_settings" (
	"org_id" uuid NOT NULL,
	"expiry_months" integer DEFAULT 12 NOT NULL,
	"reminder_days" integer DEFAULT 30 NOT NULL,
	"weights" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "networking_settings_pkey" PRIMARY KEY("org_id"),
	CONSTRAINT "networking_settings_expiry_check" CHECK ("networking_settings"."expiry_months" BETWEEN 1 AND 36),
	CONSTRAINT "networking_settings_reminder_check" CHECK ("networking_settings"."reminder_days" BETWEEN 1 AND 90)
);
--> statement-breakpoint
ALTER TABLE "networking_profiles" ADD CONSTRAINT "networking_profiles_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_profiles" ADD CONSTRAINT "networking_profiles_member_id_members_id_fk" FOREIGN KEY ("org_id","member_id") REFERENCES "public"."members"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_offers" ADD CONSTRAINT "networking_offers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_offers" ADD CONSTRAINT "networking_offers_member_id_members_id_fk" FOREIGN KEY ("org_id","member_id") REFERENCES "public"."members"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_interests" ADD CONSTRAINT "networking_interests_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_interests" ADD CONSTRAINT "networking_interests_offer_id_networking_offers_id_fk" FOREIGN KEY ("org_id","offer_id") REFERENCES "public"."networking_offers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_interests" ADD CONSTRAINT "networking_interests_member_id_members_id_fk" FOREIGN KEY ("org_id","member_id") REFERENCES "public"."members"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_introductions" ADD CONSTRAINT "networking_introductions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_introductions" ADD CONSTRAINT "networking_introductions_firm_a_members_id_fk" FOREIGN KEY ("org_id","firm_a") REFERENCES "public"."members"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_introductions" ADD CONSTRAINT "networking_introductions_firm_b_members_id_fk" FOREIGN KEY ("org_id","firm_b") REFERENCES "public"."members"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_introductions" ADD CONSTRAINT "networking_introductions_offer_id_networking_offers_id_fk" FOREIGN KEY ("org_id","offer_id") REFERENCES "public"."networking_offers"("org_id","id") ON DELETE SET NULL ("offer_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_introductions" ADD CONSTRAINT "networking_introductions_interest_id_networking_interests_id_fk" FOREIGN KEY ("org_id","interest_id") REFERENCES "public"."networking_interests"("org_id","id") ON DELETE SET NULL ("interest_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_settings" ADD CONSTRAINT "networking_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "networking_profiles_listed_idx" ON "networking_profiles" USING btree ("org_id","opted_in","expires_at");--> statement-breakpoint
CREATE INDEX "networking_offers_state_idx" ON "networking_offers" USING btree ("org_id","state","expires_at");--> statement-breakpoint
CREATE INDEX "networking_offers_member_idx" ON "networking_offers" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "networking_interests_offer_idx" ON "networking_interests" USING btree ("org_id","offer_id","member_id");--> statement-breakpoint
CREATE INDEX "networking_interests_member_idx" ON "networking_interests" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE INDEX "networking_introductions_updated_idx" ON "networking_introductions" USING btree ("org_id","updated_at");--> statement-breakpoint
CREATE INDEX "networking_introductions_a_idx" ON "networking_introductions" USING btree ("org_id","firm_a");--> statement-breakpoint
CREATE INDEX "networking_introductions_b_idx" ON "networking_introductions" USING btree ("org_id","firm_b");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON networking_profiles, networking_offers, networking_interests, networking_introductions, networking_settings TO roundtable_app;
--> statement-breakpoint
ALTER TABLE networking_profiles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY networking_profiles_tenant ON networking_profiles FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE networking_offers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY networking_offers_tenant ON networking_offers FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE networking_interests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY networking_interests_tenant ON networking_interests FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE networking_introductions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY networking_introductions_tenant ON networking_introductions FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE networking_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY networking_settings_tenant ON networking_settings FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
