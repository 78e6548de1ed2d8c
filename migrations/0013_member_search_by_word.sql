-- Every word of the query must match a word of the name: as a substring, or
-- closely spelt (word similarity). Matching the whole query as one phrase
-- rechecked thousands of candidate rows for a multi-word misspelling; one
-- index condition per word lets the trigram index intersect them first.
-- Built as dynamic SQL because the number of words varies; words are quoted
-- with format(%L), at most eight are used. ROWS 50: the default guess of
-- 1,000 made the planner hash the whole members table to join a few matches.
CREATE OR REPLACE FUNCTION member_name_matches(q text) RETURNS TABLE (member_id uuid, score real)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public ROWS 50
AS $$
DECLARE
  needle text := btrim(regexp_replace(f_unaccent(lower(q)), '\s+', ' ', 'g'));
  words text[];
  conditions text := '';
  scores text := '';
  w text;
BEGIN
  -- A word without a letter or digit has no trigrams: it could only be
  -- checked against every row, so it is left out.
  words := ARRAY(SELECT x FROM unnest(string_to_array(needle, ' ')) AS x WHERE x ~ '[[:alnum:]]' LIMIT 8);
  IF cardinality(words) = 0 THEN RETURN; END IF;
  FOREACH w IN ARRAY words LOOP
    -- Without three letters in a row a substring has no trigram to look up:
    -- such a word must be close to a whole word ("ho" finds Ho, not "Shoes").
    conditions := conditions || CASE WHEN w !~ '[[:alnum:]]{3}'
      THEN format(' AND %L <%% m.search_name', w)
      ELSE format(' AND (m.search_name LIKE %L OR %L <%% m.search_name)',
        '%' || replace(replace(replace(w, '\', '\\'), '%', '\%'), '_', '\_') || '%', w) END;
    scores := scores || format(' + word_similarity(%L, m.search_name)', w);
  END LOOP;
  RETURN QUERY EXECUTE format(
    'SELECT m.id, ((0 %s) / %s + CASE WHEN m.search_name LIKE %L THEN 1 ELSE 0 END)::real FROM members m WHERE m.org_id = app_org() %s',
    scores, cardinality(words),
    '%' || replace(replace(replace(needle, '\', '\\'), '%', '\%'), '_', '\_') || '%', conditions);
END $$;
