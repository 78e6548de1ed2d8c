-- A search word without three letters or digits in a row ("ho", "a.b") has
-- no trigram to look up as a substring: it matches the start of a word of
-- the name ("ho" finds Ho and House, not Shoes). Through the trigram index
-- every name sharing a trigram with it had to be scored: 22,207 of 100,000
-- firms for "ho", 270 ms at p95. Such a word's runs of letters and digits
-- are one or two long, so the starts of the words of each name are kept
-- here: the first two letters of each word (a word of one letter as itself),
-- with the share of the word they cover ("ho" covers Ho whole, House 0.4),
-- the best of it when two words start alike. One firm appears once per
-- start, in score order, so a page of the best matches is a range of the
-- primary key.
-- Written only by the statement triggers below (SECURITY DEFINER); the app
-- role may read it under the tenant policy: equality and range conditions
-- are leakproof, so the index serves there too. Collation "C" makes a
-- prefix a plain range whatever the database's collation. No foreign key:
-- its per-row check would cost an import of 100,000 firms half a million
-- lookups; the delete trigger does its work.
CREATE TABLE member_name_starts (
  org_id uuid NOT NULL,
  start text COLLATE "C" NOT NULL,
  score real NOT NULL,
  member_id uuid NOT NULL,
  PRIMARY KEY (org_id, start, score, member_id)
);
--> statement-breakpoint
ALTER TABLE member_name_starts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY member_name_starts_tenant ON member_name_starts FOR SELECT TO roundtable_app USING (org_id = app_org());
--> statement-breakpoint
GRANT SELECT ON member_name_starts TO roundtable_app;
--> statement-breakpoint
-- Words are the runs of letters and digits of search_name, as pg_trgm splits
-- them. Immutable: the delete recomputes exactly the rows it once inserted.
CREATE FUNCTION member_name_starts_of(search_name text) RETURNS TABLE (start text, score real)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT left(w, 2), max(least(length(w), 2)::real / length(w))
  FROM regexp_split_to_table(search_name, '[^[:alnum:]]+') AS w
  WHERE w <> ''
  GROUP BY 1
$$;
--> statement-breakpoint
CREATE FUNCTION member_name_starts_added() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  INSERT INTO member_name_starts (org_id, start, score, member_id)
    SELECT n.org_id, s.start, s.score, n.id FROM added n, member_name_starts_of(n.search_name) s;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Only rows whose name (or organisation) changed are rewritten: most updates
-- of a member touch neither, and a bulk update (size classes) must stay cheap.
CREATE FUNCTION member_name_starts_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  DELETE FROM member_name_starts k
    USING before_change o JOIN after_change n ON n.id = o.id AND (n.search_name IS DISTINCT FROM o.search_name OR n.org_id <> o.org_id),
      member_name_starts_of(o.search_name) s
    WHERE k.org_id = o.org_id AND k.start = s.start AND k.score = s.score AND k.member_id = o.id;
  INSERT INTO member_name_starts (org_id, start, score, member_id)
    SELECT n.org_id, s.start, s.score, n.id
    FROM before_change o JOIN after_change n ON n.id = o.id AND (n.search_name IS DISTINCT FROM o.search_name OR n.org_id <> o.org_id),
      member_name_starts_of(n.search_name) s;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION member_name_starts_removed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  DELETE FROM member_name_starts k
    USING removed o, member_name_starts_of(o.search_name) s
    WHERE k.org_id = o.org_id AND k.start = s.start AND k.score = s.score AND k.member_id = o.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER members_name_starts_added AFTER INSERT ON members
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION member_name_starts_added();
--> statement-breakpoint
CREATE TRIGGER members_name_starts_changed AFTER UPDATE ON members
  REFERENCING OLD TABLE AS before_change NEW TABLE AS after_change FOR EACH STATEMENT EXECUTE FUNCTION member_name_starts_changed();
--> statement-breakpoint
CREATE TRIGGER members_name_starts_removed AFTER DELETE ON members
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION member_name_starts_removed();
--> statement-breakpoint
INSERT INTO member_name_starts (org_id, start, score, member_id)
  SELECT m.org_id, s.start, s.score, m.id FROM members m, member_name_starts_of(m.search_name) s;
--> statement-breakpoint
-- The words of a search, as member_name_matches() has read them since 0013:
-- lower case, without accents, at most eight, each with a letter or digit
-- (a word of symbols alone has no trigram and could only be checked against
-- every row).
CREATE FUNCTION member_search_words(q text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT ARRAY(SELECT x FROM unnest(string_to_array(btrim(regexp_replace(f_unaccent(lower(q)), '\s+', ' ', 'g')), ' ')) AS x
               WHERE x ~ '[[:alnum:]]' LIMIT 8)
$$;
--> statement-breakpoint
-- The runs of letters and digits of the short words of a search (one or two
-- long): each must start a word of the name. Being letters and digits only,
-- they hold no LIKE wildcard.
CREATE FUNCTION member_search_starts_of(words text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT ARRAY(SELECT DISTINCT p FROM unnest(words) AS x, regexp_split_to_table(x, '[^[:alnum:]]+') AS p
               WHERE x !~ '[[:alnum:]]{3}' AND p <> '')
$$;
--> statement-breakpoint
-- The starts a search of short words only asks for, else null: such a
-- search is answered from member_name_starts alone (search-by-name.ts).
CREATE FUNCTION member_search_starts(q text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN cardinality(w) > 0 AND NOT EXISTS (SELECT 1 FROM unnest(w) AS x WHERE x ~ '[[:alnum:]]{3}')
    THEN member_search_starts_of(w) END
  FROM member_search_words(q) AS w
$$;
--> statement-breakpoint
-- As in 0013, every word of the query must match a word of the name: a long
-- word as a substring or a close spelling, through the trigram index; a short
-- one as the start of a word, through member_name_starts. Built as dynamic
-- SQL because the number of words varies; words are quoted with format(%L).
CREATE OR REPLACE FUNCTION member_name_matches(q text) RETURNS TABLE (member_id uuid, score real)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public ROWS 50
AS $$
DECLARE
  needle text := btrim(regexp_replace(f_unaccent(lower(q)), '\s+', ' ', 'g'));
  words text[] := member_search_words(q);
  conditions text := '';
  scores text := '';
  n int := 0;
  w text;
BEGIN
  FOREACH w IN ARRAY ARRAY(SELECT x FROM unnest(words) AS x WHERE x ~ '[[:alnum:]]{3}') LOOP
    conditions := conditions || format(' AND (m.search_name LIKE %L OR %L <%% m.search_name)',
      '%' || replace(replace(replace(w, '\', '\\'), '%', '\%'), '_', '\_') || '%', w);
    scores := scores || format(' + word_similarity(%L, m.search_name)', w);
    n := n + 1;
  END LOOP;
  FOREACH w IN ARRAY member_search_starts_of(words) LOOP
    conditions := conditions || format(
      ' AND m.id IN (SELECT k.member_id FROM member_name_starts k WHERE k.org_id = app_org() AND k.start LIKE %L)', w || '%');
    scores := scores || format(' + word_similarity(%L, m.search_name)', w);
    n := n + 1;
  END LOOP;
  IF n = 0 THEN RETURN; END IF;
  RETURN QUERY EXECUTE format(
    'SELECT m.id, ((0 %s) / %s + CASE WHEN m.search_name LIKE %L THEN 1 ELSE 0 END)::real FROM members m WHERE m.org_id = app_org() %s',
    scores, n, '%' || replace(replace(replace(needle, '\', '\\'), '%', '\%'), '_', '\_') || '%', conditions);
END $$;
