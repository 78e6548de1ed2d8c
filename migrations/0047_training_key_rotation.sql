-- An organisation's certificate signing key can be replaced (issue 19.5):
-- the old key is retired, not deleted, so the certificates it signed keep
-- verifying against the issuer's published keys; only one key signs at a time.
ALTER TABLE "training_credential_keys" ADD COLUMN "retired_at" timestamp (3) with time zone;--> statement-breakpoint
DROP INDEX "training_credential_keys_org_key";--> statement-breakpoint
CREATE UNIQUE INDEX "training_credential_keys_org_active" ON "training_credential_keys" USING btree ("org_id") WHERE "training_credential_keys"."retired_at" IS NULL;
