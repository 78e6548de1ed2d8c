DROP INDEX members_name_trgm_idx;
--> statement-breakpoint
CREATE INDEX members_search_name_trgm_idx ON members USING gin (search_name gin_trgm_ops);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_name_matches(q text) RETURNS TABLE (member_id uuid, score real)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  WITH needle AS (SELECT f_unaccent(lower(q)) AS n)
  SELECT m.id, word_similarity(needle.n, m.search_name)
  FROM members m, needle
  WHERE m.org_id = app_org()
    AND (m.search_name LIKE '%' || replace(replace(replace(needle.n, '\', '\\'), '%', '\%'), '_', '\_') || '%'
         OR needle.n <% m.search_name)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_similar_names(names jsonb, threshold real) RETURNS TABLE (row_number int, member_id uuid, legal_name text, score real)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  PERFORM set_config('pg_trgm.similarity_threshold', threshold::text, true);
  RETURN QUERY
  SELECT x.row, m.id, m.legal_name, similarity(m.search_name, f_unaccent(lower(x.name)))
  FROM jsonb_to_recordset(names) AS x(row int, name text)
  JOIN members m ON m.org_id = app_org() AND m.search_name % f_unaccent(lower(x.name))
  ORDER BY x.row, 4 DESC;
END $$;
