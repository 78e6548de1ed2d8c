-- The public directory's text of a profile, kept in one column: the parts a
-- firm made public (summary, names of its products and services,
-- certifications; migration 0074), lower case, kept apart by a unit separator
-- (chr(31)) as 0074 keeps its parts. Testing a profile against a word was
-- networking_offering_names() each time (a SQL function over the JSON, 10–30 µs
-- a profile): a word in 30,000 profiles took a second to gather; a LIKE on
-- this column costs about a microsecond, so a page may also test each profile
-- it reads (directory-search-service.ts) instead of gathering every match.
ALTER TABLE "networking_profiles" ADD COLUMN "public_text" text GENERATED ALWAYS AS (
  coalesce(CASE WHEN 'summary' = ANY(public_fields) THEN lower(summary) END, '') || chr(31) ||
  coalesce(CASE WHEN 'offerings' = ANY(public_fields) THEN networking_offering_names(offerings) END, '') || chr(31) ||
  coalesce(CASE WHEN 'certifications' = ANY(public_fields) THEN networking_codes_text(certifications) END, '')
) STORED;
--> statement-breakpoint
CREATE INDEX networking_profiles_public_text_trgm ON networking_profiles USING gin (public_text gin_trgm_ops);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION networking_profile_text_matches(q text) RETURNS TABLE (member_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 200
AS $$
  SELECT n.member_id FROM networking_profiles n WHERE n.org_id = app_org() AND n.public_text LIKE networking_like_pattern(q)
$$;
--> statement-breakpoint
-- The share of this organisation's listed profiles whose public text holds
-- `q`, from a sample of up to 2,000 of them (a LIKE each, a few milliseconds): the
-- directory asks whether a word is rare enough to gather its matches or common
-- enough to test each profile a page reads. Not the planner's statistics: they
-- mix every organisation's profiles (one tenant's words would steer, and show
-- through, another's search) and are missing after this migration rewrites the
-- table. As the caller, under the tenant policy: it needs nothing the app cannot read.
CREATE FUNCTION networking_profile_text_share(q text) RETURNS real
  LANGUAGE sql STABLE SET search_path = public, pg_temp
AS $$
  SELECT coalesce(avg((s.public_text LIKE networking_like_pattern(q))::int), 0)::real
  FROM (SELECT n.public_text FROM networking_profiles n WHERE n.org_id = app_org() AND n.opted_in AND n.expires_at > now() LIMIT 2000) s
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION networking_profile_text_share(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION networking_profile_text_share(text) TO roundtable_app;
