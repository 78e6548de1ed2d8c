CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"number" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"issued_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_status_check" CHECK ("invoices"."status" in ('open', 'paid', 'void')),
	CONSTRAINT "invoices_amount_check" CHECK ("invoices"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "member_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text,
	"sex" text,
	"consent_to_contact" boolean DEFAULT false NOT NULL,
	"consent_recorded_at" timestamp (3) with time zone,
	"erased_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"summary" text NOT NULL,
	"service" text,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_interactions_kind_check" CHECK ("member_interactions"."kind" in ('call', 'visit', 'email', 'meeting', 'service', 'note'))
);
--> statement-breakpoint
CREATE TABLE "member_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"micro_max_employees" integer DEFAULT 9 NOT NULL,
	"small_max_employees" integer DEFAULT 49 NOT NULL,
	"medium_max_employees" integer DEFAULT 249 NOT NULL,
	"micro_max_turnover" bigint,
	"small_max_turnover" bigint,
	"medium_max_turnover" bigint,
	"districts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_users" (
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "member_users_org_id_user_id_pk" PRIMARY KEY("org_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"legal_name" text NOT NULL,
	"trade_name" text,
	"registration_number" text,
	"tax_number" text,
	"isic_class" text,
	"isic_section" text,
	"isic_division" text,
	"isic_group" text,
	"region" text,
	"district" text,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"employees_female" integer,
	"employees_male" integer,
	"turnover" bigint,
	"size_class" text,
	"formality" text DEFAULT 'formal' NOT NULL,
	"women_led" boolean DEFAULT false NOT NULL,
	"youth_led" boolean DEFAULT false NOT NULL,
	"owner_sex" text,
	"founded_year" integer,
	"products" text DEFAULT '' NOT NULL,
	"export_status" text DEFAULT 'none' NOT NULL,
	"email" text,
	"phone" text,
	"website" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"tier_id" uuid,
	"status" text DEFAULT 'applicant' NOT NULL,
	"joined_on" date,
	"renewal_due_on" date,
	"reminded_for_renewal_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_status_check" CHECK ("members"."status" in ('applicant', 'active', 'lapsed', 'suspended', 'resigned')),
	CONSTRAINT "members_size_check" CHECK ("members"."size_class" is null or "members"."size_class" in ('micro', 'small', 'medium', 'large')),
	CONSTRAINT "members_formality_check" CHECK ("members"."formality" in ('formal', 'informal')),
	CONSTRAINT "members_owner_sex_check" CHECK ("members"."owner_sex" is null or "members"."owner_sex" in ('female', 'male', 'other')),
	CONSTRAINT "members_export_check" CHECK ("members"."export_status" in ('none', 'occasional', 'regular')),
	CONSTRAINT "members_employees_check" CHECK (coalesce("members"."employees_female", 0) >= 0 and coalesce("members"."employees_male", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "membership_fees" (
	"org_id" uuid NOT NULL,
	"tier_id" uuid NOT NULL,
	"size_class" text NOT NULL,
	"annual_fee" bigint NOT NULL,
	CONSTRAINT "membership_fees_tier_id_size_class_pk" PRIMARY KEY("tier_id","size_class"),
	CONSTRAINT "membership_fees_size_check" CHECK ("membership_fees"."size_class" in ('micro', 'small', 'medium', 'large')),
	CONSTRAINT "membership_fees_amount_check" CHECK ("membership_fees"."annual_fee" >= 0)
);
--> statement-breakpoint
CREATE TABLE "membership_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership_tiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"method" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount" > 0),
	CONSTRAINT "payments_method_check" CHECK ("payments"."method" in ('cash', 'bank_transfer', 'mobile_money', 'cheque', 'card', 'other'))
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_contacts" ADD CONSTRAINT "member_contacts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_contacts" ADD CONSTRAINT "member_contacts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_interactions" ADD CONSTRAINT "member_interactions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_interactions" ADD CONSTRAINT "member_interactions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_interactions" ADD CONSTRAINT "member_interactions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_settings" ADD CONSTRAINT "member_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_users" ADD CONSTRAINT "member_users_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_users" ADD CONSTRAINT "member_users_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_users" ADD CONSTRAINT "member_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_tier_id_membership_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."membership_tiers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_fees" ADD CONSTRAINT "membership_fees_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_fees" ADD CONSTRAINT "membership_fees_tier_id_membership_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."membership_tiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_status_history" ADD CONSTRAINT "membership_status_history_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_status_history" ADD CONSTRAINT "membership_status_history_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_tiers" ADD CONSTRAINT "membership_tiers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_key" ON "invoices" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "invoices_member_idx" ON "invoices" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE INDEX "invoices_org_due_idx" ON "invoices" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "member_contacts_member_idx" ON "member_contacts" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE INDEX "member_interactions_member_idx" ON "member_interactions" USING btree ("org_id","member_id","occurred_on");--> statement-breakpoint
CREATE INDEX "member_users_member_idx" ON "member_users" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "members_org_name_idx" ON "members" USING btree ("org_id",lower("legal_name"),"id");--> statement-breakpoint
CREATE INDEX "members_org_status_idx" ON "members" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "members_org_isic_idx" ON "members" USING btree ("org_id","isic_division","isic_group","isic_class");--> statement-breakpoint
CREATE INDEX "members_org_region_idx" ON "members" USING btree ("org_id","region");--> statement-breakpoint
CREATE INDEX "members_org_created_idx" ON "members" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "members_org_reg_idx" ON "members" USING btree ("org_id","registration_number");--> statement-breakpoint
CREATE INDEX "members_tags_idx" ON "members" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "membership_status_history_member_idx" ON "membership_status_history" USING btree ("org_id","member_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_tiers_name_key" ON "membership_tiers" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "payments_invoice_idx" ON "payments" USING btree ("org_id","invoice_id");--> statement-breakpoint
CREATE INDEX "payments_org_paid_idx" ON "payments" USING btree ("org_id","paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_name_key" ON "saved_views" USING btree ("org_id","user_id","name");