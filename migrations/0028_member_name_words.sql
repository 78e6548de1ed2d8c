-- A one-letter search ("k") read the two-letter starts under it and took the
-- best per firm: 20,000 of 100,000 firms gathered and grouped. The first
-- letter of each word is now a start of its own, so every search of short
-- words reads its starts by equality, one row per firm and start, and a
-- single start of either length is a range of the primary key.
CREATE OR REPLACE FUNCTION member_name_starts_of(search_name text) RETURNS TABLE (start text, score real)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT v.s, max(length(v.s)::real / length(w))
  FROM regexp_split_to_table(search_name, '[^[:alnum:]]+') AS w, LATERAL (VALUES (left(w, 1)), (left(w, 2))) AS v(s)
  WHERE w <> ''
  GROUP BY 1
$$;
--> statement-breakpoint
TRUNCATE member_name_starts;
--> statement-breakpoint
INSERT INTO member_name_starts (org_id, start, score, member_id)
  SELECT m.org_id, s.start, s.score, m.id FROM members m, member_name_starts_of(m.search_name) s;
--> statement-breakpoint
-- Issue 14: over 100,000 firms a three-letter search ("kum") read every name
-- holding the trigram "kum" or a close one and scored each (240 ms at p95),
-- and a misspelling was found only when its trigrams were similar enough
-- ("fashon" missed Fashion). The words of the names are now kept apart:
--   member_name_words       each distinct word of each firm's name;
--   member_name_vocabulary  each distinct word of an organisation's names, with
--                           the number of firms using it (trigram index, for
--                           a search word found inside a name word);
--   member_name_spellings   each vocabulary word under every form left by
--                           deleting at most two of its letters.
-- Two words are within two edits (insertions, deletions, substitutions) only
-- if deleting at most two letters from each leaves the same form, so a
-- misspelling is looked up through its own deletion forms (equality on an
-- index), then the edit distance is checked on those few candidates. (Within
-- k edits, each word needs at most k deletions, and their lengths differ by
-- at most k: both narrow the candidates before the distance is computed.)
-- A search then works on an organisation's distinct words (hundreds to tens
-- of thousands) instead of its names, and reaches firms by equality.
-- Words are the runs of letters and digits of search_name, as in 0021.
-- Written only by the statement triggers below (SECURITY DEFINER). The
-- vocabulary and spellings are read only by member_name_candidates()
-- (SECURITY DEFINER, restricted to app_org()); the app reads
-- member_name_words under the tenant policy, by equality. No foreign keys,
-- as in 0021: the delete trigger does their work without a lookup per row.
CREATE TABLE member_name_words (
  org_id uuid NOT NULL,
  word text COLLATE "C" NOT NULL,
  member_id uuid NOT NULL,
  PRIMARY KEY (org_id, word, member_id)
);
--> statement-breakpoint
CREATE TABLE member_name_vocabulary (
  org_id uuid NOT NULL,
  word text COLLATE "C" NOT NULL,
  firms int NOT NULL,
  PRIMARY KEY (org_id, word)
);
--> statement-breakpoint
CREATE INDEX member_name_vocabulary_trgm_idx ON member_name_vocabulary USING gin (word gin_trgm_ops);
--> statement-breakpoint
CREATE TABLE member_name_spellings (
  org_id uuid NOT NULL,
  variant text COLLATE "C" NOT NULL,
  word text COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, variant, word)
);
--> statement-breakpoint
ALTER TABLE member_name_words ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE member_name_vocabulary ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE member_name_spellings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The distinct words of a stored search_name.
CREATE FUNCTION member_name_words_of(search_name text) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT DISTINCT w FROM regexp_split_to_table(search_name, '[^[:alnum:]]+') AS w WHERE w <> ''
$$;
--> statement-breakpoint
-- A word and every form left by deleting up to `edits` (0, 1 or 2) of its
-- letters: the second deletion runs from the first one's place onwards, so
-- each pair of places is taken once.
CREATE FUNCTION member_word_deletions(word text, edits int) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT ARRAY(SELECT DISTINCT x FROM (
    SELECT word AS x
    UNION ALL SELECT overlay(word PLACING '' FROM i FOR 1) FROM generate_series(1, length(word)) AS i WHERE edits >= 1
    UNION ALL SELECT overlay(overlay(word PLACING '' FROM i FOR 1) PLACING '' FROM j FOR 1)
      FROM generate_series(1, length(word)) AS i, generate_series(i, length(word) - 1) AS j WHERE edits >= 2) d)
$$;
--> statement-breakpoint
-- Which words are spelt out in member_name_spellings: a search word of four
-- letters or more may be misspelt (member_search_edits), so it can land on a
-- word of three letters or more; numbers are not misspelt; a word longer
-- than 32 letters (528 forms) is found by its start or a part only.
CREATE FUNCTION member_word_is_spelt(word text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT length(word) BETWEEN 3 AND 32 AND word ~ '[^0-9]' $$;
--> statement-breakpoint
-- The edits a search word may carry: none under four letters (a short
-- word is a start being typed: "kum"), one at four, two from five.
CREATE FUNCTION member_search_edits(term text) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN term ~ '^[0-9]+$' OR length(term) < 4 THEN 0 WHEN length(term) = 4 THEN 1 ELSE 2 END $$;
--> statement-breakpoint
-- Levenshtein distance (insertions, deletions, substitutions), computed only
-- for the few candidates the spellings table gives: no extension is needed,
-- so the embedded database runs the same code.
CREATE FUNCTION member_word_distance(a text, b text) RETURNS int
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
AS $$
DECLARE
  la int := length(a);
  lb int := length(b);
  prev int[];
  cur int[];
BEGIN
  IF la = 0 OR lb = 0 THEN RETURN greatest(la, lb); END IF;
  prev := ARRAY(SELECT generate_series(0, lb));
  FOR i IN 1..la LOOP
    cur := ARRAY[i];
    FOR j IN 1..lb LOOP
      cur := cur || least(prev[j + 1] + 1, cur[j] + 1, prev[j] + CASE WHEN substr(a, i, 1) = substr(b, j, 1) THEN 0 ELSE 1 END);
    END LOOP;
    prev := cur;
  END LOOP;
  RETURN prev[lb + 1];
END $$;
--> statement-breakpoint
-- Names (organisation, firm, search_name, in step) come in: their words are
-- recorded, the vocabulary counts them, and a word new to the organisation
-- gets its spellings. Words are counted in order, so two imports sharing
-- words lock them in the same order and cannot deadlock.
CREATE FUNCTION member_name_words_added(orgs uuid[], ids uuid[], names text[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  INSERT INTO member_name_words (org_id, word, member_id)
    SELECT n.org_id, w, n.id FROM unnest(orgs, ids, names) AS n(org_id, id, search_name), member_name_words_of(n.search_name) AS w;
  WITH counted AS (
    SELECT n.org_id, w AS word, count(*)::int AS firms
    FROM unnest(orgs, names) AS n(org_id, search_name), member_name_words_of(n.search_name) AS w
    GROUP BY 1, 2),
  upserted AS (
    INSERT INTO member_name_vocabulary AS v (org_id, word, firms) SELECT * FROM counted ORDER BY org_id, word
    ON CONFLICT (org_id, word) DO UPDATE SET firms = v.firms + excluded.firms
    RETURNING v.org_id, v.word, v.firms)
  INSERT INTO member_name_spellings (org_id, variant, word)
    SELECT u.org_id, d, u.word
    FROM upserted u JOIN counted c ON c.org_id = u.org_id AND c.word = u.word AND c.firms = u.firms, unnest(member_word_deletions(u.word, 2)) AS d
    WHERE member_word_is_spelt(u.word);
END $$;
--> statement-breakpoint
-- Names go out: the reverse. A word no firm of the organisation uses any
-- more leaves the vocabulary with its spellings.
CREATE FUNCTION member_name_words_removed(orgs uuid[], ids uuid[], names text[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  DELETE FROM member_name_words k
    USING unnest(orgs, ids, names) AS o(org_id, id, search_name), member_name_words_of(o.search_name) AS w
    WHERE k.org_id = o.org_id AND k.word = w AND k.member_id = o.id;
  UPDATE member_name_vocabulary v SET firms = v.firms - c.firms
    FROM (SELECT o.org_id, w AS word, count(*)::int AS firms
          FROM unnest(orgs, names) AS o(org_id, search_name), member_name_words_of(o.search_name) AS w
          GROUP BY 1, 2 ORDER BY 1, 2) c
    WHERE v.org_id = c.org_id AND v.word = c.word;
  DELETE FROM member_name_spellings s
    USING (SELECT DISTINCT o.org_id, w AS word FROM unnest(orgs, names) AS o(org_id, search_name), member_name_words_of(o.search_name) AS w) c
      JOIN member_name_vocabulary v ON v.org_id = c.org_id AND v.word = c.word AND v.firms <= 0,
      unnest(member_word_deletions(c.word, 2)) AS d
    WHERE s.org_id = c.org_id AND s.variant = d AND s.word = c.word;
  DELETE FROM member_name_vocabulary v
    USING (SELECT DISTINCT o.org_id, w AS word FROM unnest(orgs, names) AS o(org_id, search_name), member_name_words_of(o.search_name) AS w) c
    WHERE v.org_id = c.org_id AND v.word = c.word AND v.firms <= 0;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION member_name_words_added(uuid[], uuid[], text[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION member_name_words_removed(uuid[], uuid[], text[]) FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION members_name_words_inserted() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  PERFORM member_name_words_added(array_agg(org_id), array_agg(id), array_agg(search_name)) FROM added HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Only rows whose name (or organisation) changed: most updates of a firm
-- touch neither, and a bulk update (size classes) must stay cheap. The old
-- words go before the new come, since a rename often keeps some of them.
CREATE FUNCTION members_name_words_updated() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  PERFORM member_name_words_removed(array_agg(o.org_id), array_agg(o.id), array_agg(o.search_name))
    FROM before_change o JOIN after_change n ON n.id = o.id AND (n.search_name IS DISTINCT FROM o.search_name OR n.org_id <> o.org_id)
    HAVING count(*) > 0;
  PERFORM member_name_words_added(array_agg(n.org_id), array_agg(n.id), array_agg(n.search_name))
    FROM before_change o JOIN after_change n ON n.id = o.id AND (n.search_name IS DISTINCT FROM o.search_name OR n.org_id <> o.org_id)
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION members_name_words_deleted() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  PERFORM member_name_words_removed(array_agg(org_id), array_agg(id), array_agg(search_name)) FROM removed HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER members_name_words_inserted AFTER INSERT ON members
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION members_name_words_inserted();
--> statement-breakpoint
CREATE TRIGGER members_name_words_updated AFTER UPDATE ON members
  REFERENCING OLD TABLE AS before_change NEW TABLE AS after_change FOR EACH STATEMENT EXECUTE FUNCTION members_name_words_updated();
--> statement-breakpoint
CREATE TRIGGER members_name_words_deleted AFTER DELETE ON members
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION members_name_words_deleted();
--> statement-breakpoint
SELECT member_name_words_added(array_agg(org_id), array_agg(id), array_agg(search_name)) FROM members HAVING count(*) > 0;
--> statement-breakpoint
-- The terms of a search: the runs of letters and digits of its words
-- (member_search_words, 0021), each once, at most eight.
CREATE FUNCTION member_search_terms(q text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT ARRAY(SELECT p FROM (SELECT DISTINCT p FROM unnest(member_search_words(q)) AS x, regexp_split_to_table(x, '[^[:alnum:]]+') AS p WHERE p <> '') t
               ORDER BY p LIMIT 8)
$$;
--> statement-breakpoint
-- The words of the organisation's names each term of a search matches, with
-- a score: as its start (any length), as a part of it (three letters or
-- more), or misspelt (member_search_edits). A name word scores 1 when equal
-- to the term, the share of it the term covers when the term starts it ("kum"
-- 0.5 on Kumasi), half that share when the term is inside it, and half the
-- share of its letters that are right when misspelt ("fashon" 0.43 on
-- Fashion). Built as dynamic SQL so that each pattern is a constant the
-- indexes can use. These are the only reads that need the owner's rights
-- (LIKE and the trigram index); the app then reaches firms through
-- member_name_words by equality, which row-level security lets through.
CREATE FUNCTION member_name_candidates(q text) RETURNS TABLE (term int, word text, score real)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public ROWS 20
AS $$
DECLARE
  terms text[] := member_search_terms(q);
  parts text[] := '{}';
  t text;
  edits int;
  i int := 0;
BEGIN
  IF cardinality(terms) = 0 THEN RETURN; END IF;
  FOREACH t IN ARRAY terms LOOP
    i := i + 1;
    parts := parts || format(
      'SELECT %s AS i, v.word, CASE WHEN v.word = %L THEN 1 WHEN v.word >= %L AND v.word < %L THEN %s::real / length(v.word) ELSE 0.5 * %s / length(v.word) END AS s
       FROM member_name_vocabulary v WHERE v.org_id = app_org() AND (v.word >= %L AND v.word < %L %s)',
      i, t, t, t || U&'\+10FFFF', length(t), length(t), t, t || U&'\+10FFFF',
      CASE WHEN length(t) >= 3 THEN format('OR v.word LIKE %L', '%' || t || '%') ELSE '' END);
    edits := member_search_edits(t);
    IF edits > 0 THEN
      parts := parts || format(
        'SELECT %s AS i, c.word, 0.5 * (1 - c.d::real / greatest(%s, length(c.word))) AS s
         FROM (SELECT DISTINCT s.word, member_word_distance(%L, s.word) AS d FROM member_name_spellings s
               WHERE s.org_id = app_org() AND s.variant = ANY(%L::text[])
                 AND length(s.word) - length(s.variant) <= %s AND abs(length(s.word) - %s) <= %s) c
         WHERE c.d <= %s',
        i, length(t), t, member_word_deletions(t, edits), edits, length(t), edits, edits);
    END IF;
  END LOOP;
  RETURN QUERY EXECUTE format('SELECT c.i::int, c.word::text, max(c.s)::real FROM (%s) c GROUP BY c.i, c.word', array_to_string(parts, ' UNION ALL '));
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION member_name_candidates(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION member_name_candidates(text) TO roundtable_app;
--> statement-breakpoint
-- Read by the app under the tenant policy, by equality only (search-by-name.ts).
CREATE POLICY member_name_words_tenant ON member_name_words FOR SELECT TO roundtable_app USING (org_id = app_org());
--> statement-breakpoint
GRANT SELECT ON member_name_words TO roundtable_app;
--> statement-breakpoint
-- Firms whose name matches every term, with the mean over the terms of the
-- best score of their words (member_name_candidates). The search itself
-- builds the same query per case (search-by-name.ts); this one serves the
-- other readers of a name condition (counts, export).
CREATE OR REPLACE FUNCTION member_name_matches(q text) RETURNS TABLE (member_id uuid, score real)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public ROWS 50
AS $$
  SELECT p.member_id, (sum(p.s) / cardinality(member_search_terms(q)))::real
  FROM (SELECT w.member_id, c.term, max(c.score) AS s
        FROM member_name_candidates(q) c JOIN member_name_words w ON w.org_id = app_org() AND w.word = c.word
        GROUP BY w.member_id, c.term) p
  GROUP BY p.member_id
  HAVING count(*) = cardinality(member_search_terms(q))
$$;
