-- The public directory's words in a profile's public text (summary, products
-- and services, certifications), found through trigram indexes. Under
-- row-level security LIKE (not leakproof) cannot use an index, so at 100,000
-- profiles each search read every row (about 1 s); the search runs here as the
-- owner, restricted to app_org(), and gives member ids only: the app then
-- reads the rows under the tenant policy. Only what the firm made public is
-- searched, as the directory shows it.
-- The words searched, lower case; the parts are kept apart by a unit separator
-- (chr(31)), which no search holds, so a search cannot match across two of them.
CREATE FUNCTION networking_codes_text(codes text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT lower(array_to_string(codes, chr(31))) $$;
--> statement-breakpoint
-- Only the names of the products and services: the JSON around them ("kind", "product", HS digits) is not what a visitor types.
CREATE FUNCTION networking_offering_names(offerings jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT coalesce(lower(string_agg(o->>'name', chr(31))), '') FROM jsonb_array_elements(offerings) o $$;
--> statement-breakpoint
CREATE INDEX networking_profiles_summary_trgm ON networking_profiles USING gin (lower(summary) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX networking_profiles_offerings_trgm ON networking_profiles USING gin (networking_offering_names(offerings) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX networking_profiles_certifications_trgm ON networking_profiles USING gin (networking_codes_text(certifications) gin_trgm_ops);
--> statement-breakpoint
CREATE FUNCTION networking_like_pattern(q text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT '%' || replace(replace(replace(lower(q), '\', '\\'), '%', '\%'), '_', '\_') || '%' $$;
--> statement-breakpoint
CREATE FUNCTION networking_profile_text_matches(q text) RETURNS TABLE (member_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 200
AS $$
  SELECT n.member_id FROM networking_profiles n
  WHERE n.org_id = app_org()
    AND ((lower(n.summary) LIKE networking_like_pattern(q) AND 'summary' = ANY(n.public_fields))
      OR (networking_offering_names(n.offerings) LIKE networking_like_pattern(q) AND 'offerings' = ANY(n.public_fields))
      OR (networking_codes_text(n.certifications) LIKE networking_like_pattern(q) AND 'certifications' = ANY(n.public_fields)))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION networking_profile_text_matches(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION networking_profile_text_matches(text) TO roundtable_app;
