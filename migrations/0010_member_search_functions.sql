-- Row-level security keeps non-leakproof operators (LIKE, the trigram
-- operators) from using an index ahead of the tenant check, so a fuzzy search
-- over a large registry would read every row. These functions run the
-- index-backed match with the owner's rights, and restrict it themselves to
-- the current organisation (app_org()): they can return nothing else.
CREATE OR REPLACE FUNCTION member_name_matches(q text) RETURNS TABLE (member_id uuid, score real)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  WITH needle AS (SELECT f_unaccent(lower(q)) AS n)
  SELECT m.id, word_similarity(needle.n, f_unaccent(lower(m.legal_name || ' ' || coalesce(m.trade_name, ''))))
  FROM members m, needle
  WHERE m.org_id = app_org()
    AND (f_unaccent(lower(m.legal_name || ' ' || coalesce(m.trade_name, '')))
           LIKE '%' || replace(replace(replace(needle.n, '\', '\\'), '%', '\%'), '_', '\_') || '%'
         OR needle.n <% f_unaccent(lower(m.legal_name || ' ' || coalesce(m.trade_name, ''))))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION member_name_matches(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION member_name_matches(text) TO roundtable_app;
--> statement-breakpoint
-- For an import: firms of the current organisation whose name is very
-- similar to each given name ({"row": n, "name": "..."} objects).
CREATE OR REPLACE FUNCTION member_similar_names(names jsonb, threshold real) RETURNS TABLE (row_number int, member_id uuid, legal_name text, score real)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  PERFORM set_config('pg_trgm.similarity_threshold', threshold::text, true);
  RETURN QUERY
  SELECT x.row, m.id, m.legal_name,
         similarity(f_unaccent(lower(m.legal_name || ' ' || coalesce(m.trade_name, ''))), f_unaccent(lower(x.name)))
  FROM jsonb_to_recordset(names) AS x(row int, name text)
  JOIN members m ON m.org_id = app_org()
   AND f_unaccent(lower(m.legal_name || ' ' || coalesce(m.trade_name, ''))) % f_unaccent(lower(x.name))
  ORDER BY x.row, 4 DESC;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION member_similar_names(jsonb, real) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION member_similar_names(jsonb, real) TO roundtable_app;
