-- Events (server/modules/events): the organisation's workshops, fairs, B2B days,
-- networking evenings, training sessions and LED meetings, and others' fairs
-- members should know of; ticket types with fees; registrations with a waiting
-- list (ordered by a sequence, never the clock) and a random ticket code that is
-- unique within the organisation. The organisation's id is in every key and on
-- both sides of every foreign key between tenant tables (migration 0031).
CREATE TABLE "events" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"online_url" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"audience" text DEFAULT 'members' NOT NULL,
	"branch_id" uuid,
	"external" boolean DEFAULT false NOT NULL,
	"organiser" text DEFAULT '' NOT NULL,
	"published_at" timestamp (3) with time zone,
	"reminded_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "events_kind_check" CHECK ("events"."kind" IN ('workshop', 'trade_fair', 'b2b_day', 'networking_evening', 'training_session', 'led_meeting', 'other')),
	CONSTRAINT "events_state_check" CHECK ("events"."state" IN ('draft', 'published', 'cancelled')),
	CONSTRAINT "events_audience_check" CHECK ("events"."audience" IN ('members', 'public')),
	CONSTRAINT "events_capacity_check" CHECK ("events"."capacity" IS NULL OR "events"."capacity" > 0),
	CONSTRAINT "events_ends_after_start" CHECK ("events"."ends_at" > "events"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "event_ticket_types" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"fee" bigint DEFAULT 0 NOT NULL,
	"staff_only" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_ticket_types_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "event_ticket_types_fee_check" CHECK ("event_ticket_types"."fee" >= 0)
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"ticket_type_id" uuid,
	"status" text NOT NULL,
	"kind" text NOT NULL,
	"member_id" uuid,
	"contact_id" uuid,
	"user_id" uuid,
	"name" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"sex" text DEFAULT 'not_stated' NOT NULL,
	"age_band" text,
	"fee" bigint DEFAULT 0 NOT NULL,
	"invoice_id" uuid,
	"confirmed_at" timestamp (3) with time zone,
	"ticket_code" text NOT NULL,
	"attended_at" timestamp (3) with time zone,
	"checked_in_by" text,
	"person_id" uuid,
	"cancelled_at" timestamp (3) with time zone,
	"seq" bigserial NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registrations_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "event_registrations_status_check" CHECK ("event_registrations"."status" IN ('registered', 'waiting', 'cancelled')),
	CONSTRAINT "event_registrations_kind_check" CHECK ("event_registrations"."kind" IN ('member_contact', 'member_staff', 'own_staff', 'public')),
	CONSTRAINT "event_registrations_sex_check" CHECK ("event_registrations"."sex" IN ('female', 'male', 'not_stated')),
	CONSTRAINT "event_registrations_age_band_check" CHECK ("event_registrations"."age_band" IS NULL OR "event_registrations"."age_band" IN ('under_15', '15_24', '25_34', '35_plus')),
	CONSTRAINT "event_registrations_fee_check" CHECK ("event_registrations"."fee" >= 0)
);
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_branch_id_orgs_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."orgs"("id") ON DELETE SET NULL ("branch_id");--> statement-breakpoint
ALTER TABLE "event_ticket_types" ADD CONSTRAINT "event_ticket_types_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_ticket_types" ADD CONSTRAINT "event_ticket_types_event_id_events_id_fk" FOREIGN KEY ("org_id","event_id") REFERENCES "public"."events"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("org_id","event_id") REFERENCES "public"."events"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_ticket_type_id_event_ticket_types_id_fk" FOREIGN KEY ("org_id","ticket_type_id") REFERENCES "public"."event_ticket_types"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The firm, its contact and the person reached: removing one empties that column only, the registration keeps its organisation.
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_member_id_members_id_fk" FOREIGN KEY ("org_id","member_id") REFERENCES "public"."members"("org_id","id") ON DELETE SET NULL ("member_id");--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_contact_id_member_contacts_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."member_contacts"("org_id","id") ON DELETE SET NULL ("contact_id");--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_invoice_id_invoices_id_fk" FOREIGN KEY ("org_id","invoice_id") REFERENCES "public"."invoices"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_person_id_people_id_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE SET NULL ("person_id");--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE SET NULL ("user_id");--> statement-breakpoint
CREATE INDEX "events_org_starts_idx" ON "events" USING btree ("org_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "event_ticket_types_event_idx" ON "event_ticket_types" USING btree ("org_id","event_id");--> statement-breakpoint
-- A ticket code is unique with its organisation; the door's lookup by the code still uses the index.
CREATE UNIQUE INDEX "event_registrations_code_key" ON "event_registrations" USING btree ("ticket_code","org_id");--> statement-breakpoint
CREATE INDEX "event_registrations_event_idx" ON "event_registrations" USING btree ("org_id","event_id","status","seq");--> statement-breakpoint
CREATE INDEX "event_registrations_member_idx" ON "event_registrations" USING btree ("org_id","member_id");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON events, event_ticket_types, event_registrations TO roundtable_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE event_registrations_seq_seq TO roundtable_app;
--> statement-breakpoint
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY events_tenant ON events FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE event_ticket_types ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY event_ticket_types_tenant ON event_ticket_types FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE event_registrations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY event_registrations_tenant ON event_registrations FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
