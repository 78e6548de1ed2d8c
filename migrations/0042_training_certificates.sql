-- Certificates of training (server/modules/training): verifiable credentials
-- (W3C Verifiable Credentials 2.0 with the Open Badges 3.0 context, signed as
-- a JWS with the organisation's Ed25519 key) and the revocation status list.
-- The organisation's id is in every key and on both sides of every foreign
-- key between tenant tables (migration 0031).
--
-- The server has no secret of its own in its configuration (server/platform/config.ts),
-- so the secret from which the key that encrypts an organisation's private
-- signing key is derived (HKDF, AES-256-GCM) is kept in its own table,
-- apart from the encrypted key. Whoever reads both tables (a backup) can sign.
CREATE TABLE "training_credential_secrets" (
	"org_id" uuid NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_credential_secrets_pkey" PRIMARY KEY("org_id")
);
--> statement-breakpoint
CREATE TABLE "training_credential_keys" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_credential_keys_pkey" PRIMARY KEY("id","org_id")
);
--> statement-breakpoint
CREATE TABLE "training_certificates" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status_index" integer NOT NULL,
	"credential" jsonb NOT NULL,
	"jws" text NOT NULL,
	"issued_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"revoked_reason" text,
	"revoked_by" text,
	CONSTRAINT "training_certificates_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "training_certificates_index_check" CHECK ("training_certificates"."status_index" >= 0)
);
--> statement-breakpoint
ALTER TABLE "training_credential_secrets" ADD CONSTRAINT "training_credential_secrets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_credential_keys" ADD CONSTRAINT "training_credential_keys_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_course_id_training_courses_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_person_id_people_id_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_credential_keys_org_key" ON "training_credential_keys" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_person_key" ON "training_certificates" USING btree ("course_id","person_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_index_key" ON "training_certificates" USING btree ("status_index","org_id");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON training_credential_secrets, training_credential_keys, training_certificates TO roundtable_app;
--> statement-breakpoint
ALTER TABLE training_credential_secrets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_credential_secrets_tenant ON training_credential_secrets FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE training_credential_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_credential_keys_tenant ON training_credential_keys FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE training_certificates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_certificates_tenant ON training_certificates FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
