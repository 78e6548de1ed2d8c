-- B2B meetings at an event (server/modules/b2b): an event's matchmaking
-- settings (slots, tables, deadline), its participants' profiles (registrations
-- of the events module with offer, seek, sectors, availability and the agenda
-- issued), and requests for meetings, placed at a slot and table once accepted.
-- The organisation's id is in every key and on both sides of every foreign key
-- between tenant tables (migration 0031).
CREATE TABLE "b2b_settings" (
	"org_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"first_slot_at" timestamp (3) with time zone NOT NULL,
	"slot_minutes" integer NOT NULL,
	"slot_count" integer NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"table_count" integer NOT NULL,
	"table_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"request_deadline" timestamp (3) with time zone NOT NULL,
	"scheduled_at" timestamp (3) with time zone,
	"unplaced" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "b2b_settings_pkey" PRIMARY KEY("event_id","org_id"),
	CONSTRAINT "b2b_settings_slots_check" CHECK ("b2b_settings"."slot_count" > 0 AND "b2b_settings"."slot_minutes" > 0 AND "b2b_settings"."table_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "b2b_profiles" (
	"org_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"offer" text DEFAULT '' NOT NULL,
	"seek" text DEFAULT '' NOT NULL,
	"sectors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"available" jsonb,
	"agenda_version" integer DEFAULT 0 NOT NULL,
	"agenda_changed" boolean DEFAULT false NOT NULL,
	"agenda_issued_at" timestamp (3) with time zone,
	"agenda_issued" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "b2b_profiles_pkey" PRIMARY KEY("registration_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "b2b_requests" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"from_registration_id" uuid NOT NULL,
	"to_registration_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"slot" integer,
	"table_no" integer,
	"answered_at" timestamp (3) with time zone,
	"seq" bigserial NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "b2b_requests_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "b2b_requests_status_check" CHECK ("b2b_requests"."status" IN ('pending', 'accepted', 'declined', 'cancelled')),
	CONSTRAINT "b2b_requests_not_self" CHECK ("b2b_requests"."from_registration_id" <> "b2b_requests"."to_registration_id")
);
--> statement-breakpoint
ALTER TABLE "b2b_settings" ADD CONSTRAINT "b2b_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_settings" ADD CONSTRAINT "b2b_settings_event_id_events_id_fk" FOREIGN KEY ("org_id","event_id") REFERENCES "public"."events"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_profiles" ADD CONSTRAINT "b2b_profiles_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_profiles" ADD CONSTRAINT "b2b_profiles_registration_id_event_registrations_id_fk" FOREIGN KEY ("org_id","registration_id") REFERENCES "public"."event_registrations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_profiles" ADD CONSTRAINT "b2b_profiles_event_id_events_id_fk" FOREIGN KEY ("org_id","event_id") REFERENCES "public"."events"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_requests" ADD CONSTRAINT "b2b_requests_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_requests" ADD CONSTRAINT "b2b_requests_event_id_events_id_fk" FOREIGN KEY ("org_id","event_id") REFERENCES "public"."events"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_requests" ADD CONSTRAINT "b2b_requests_from_registration_id_event_registrations_id_fk" FOREIGN KEY ("org_id","from_registration_id") REFERENCES "public"."event_registrations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_requests" ADD CONSTRAINT "b2b_requests_to_registration_id_event_registrations_id_fk" FOREIGN KEY ("org_id","to_registration_id") REFERENCES "public"."event_registrations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "b2b_profiles_event_idx" ON "b2b_profiles" USING btree ("org_id","event_id");--> statement-breakpoint
CREATE INDEX "b2b_requests_event_idx" ON "b2b_requests" USING btree ("org_id","event_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_requests_pair_key" ON "b2b_requests" USING btree ("event_id","from_registration_id","to_registration_id","org_id") WHERE "b2b_requests"."status" IN ('pending', 'accepted');--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON b2b_settings, b2b_profiles, b2b_requests TO roundtable_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE b2b_requests_seq_seq TO roundtable_app;
--> statement-breakpoint
ALTER TABLE b2b_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY b2b_settings_tenant ON b2b_settings FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE b2b_profiles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY b2b_profiles_tenant ON b2b_profiles FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE b2b_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY b2b_requests_tenant ON b2b_requests FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
