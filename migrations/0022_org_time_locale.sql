-- An organisation's clock and customs: the IANA time zone its meetings,
-- deadlines and "today" are read in, and the BCP 47 locale its dates and
-- numbers are written in (en-IN groups rupees in lakhs). NULL means "the
-- country's default", computed in TypeScript (server/modules/orgs/org-clock.ts)
-- from a maintained zone list that SQL cannot read; new organisations are
-- given both when created. Validity is checked against the runtime's Intl
-- data by the contract, not here: PostgreSQL's zone names may lag Node's.
ALTER TABLE "orgs" ADD COLUMN "time_zone" text;
--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "locale" text;
--> statement-breakpoint
ALTER TABLE "orgs" ADD CONSTRAINT "orgs_time_zone_check" CHECK ("time_zone" IS NULL OR length("time_zone") BETWEEN 1 AND 64);
--> statement-breakpoint
ALTER TABLE "orgs" ADD CONSTRAINT "orgs_locale_check" CHECK ("locale" IS NULL OR "locale" ~ '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$');
