-- The staff directory's words, found as the public directory finds them
-- (migration 0074): in the summary, the names of the products and services
-- (not the JSON around them: "product", "kind", HS digits) and the
-- certifications, through the same trigram indexes, which row-level security
-- keeps LIKE from using. Staff search every field, public or not; only a
-- signed-in person's transaction gets an answer (a public visitor's has no
-- app_user()), and only for app_org(), as member ids the app then reads under
-- the tenant policy.
CREATE FUNCTION networking_profile_staff_text_matches(q text) RETURNS TABLE (member_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 200
AS $$
  SELECT n.member_id FROM networking_profiles n
  WHERE n.org_id = app_org() AND app_user() IS NOT NULL
    AND (lower(n.summary) LIKE networking_like_pattern(q)
      OR networking_offering_names(n.offerings) LIKE networking_like_pattern(q)
      OR networking_codes_text(n.certifications) LIKE networking_like_pattern(q))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION networking_profile_staff_text_matches(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION networking_profile_staff_text_matches(text) TO roundtable_app;
