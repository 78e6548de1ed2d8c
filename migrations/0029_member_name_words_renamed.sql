-- Issue 13.11: an import merging 2,000 firms spent 84 s writing, nearly all
-- of it in the name-word triggers. Two causes:
-- 1. A rename took every old word out and put every new word back, so the
--    vocabulary row of a common word ("kumasi", thousands of firms) was
--    updated twice per renamed firm. Inside one transaction the dead versions
--    of a row cannot be pruned, so each update walked a longer chain of them:
--    33 ms per firm after 200 renames. A rename now touches only the words it
--    really removes or adds, so a shared word's count is not touched at all.
-- 2. Deleting spellings joined every spelling of every word of the old name
--    before learning that none had left the vocabulary (the usual case). The
--    vocabulary rows that reach zero are now deleted first, and only their
--    spellings are looked up, by the primary key.
-- The functions now take (organisation, firm, word) triples; the name
-- functions of 0028 split names into them.
CREATE FUNCTION member_name_words_put(orgs uuid[], ids uuid[], words text[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  INSERT INTO member_name_words (org_id, word, member_id)
    SELECT n.org_id, n.word, n.id FROM unnest(orgs, ids, words) AS n(org_id, id, word);
  -- Words are counted in order, so two imports sharing words lock them in
  -- the same order and cannot deadlock; a word new to the organisation gets
  -- its spellings.
  WITH counted AS (
    SELECT n.org_id, n.word, count(*)::int AS firms FROM unnest(orgs, words) AS n(org_id, word) GROUP BY 1, 2),
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
CREATE FUNCTION member_name_words_drop(orgs uuid[], ids uuid[], words text[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  gone_orgs uuid[];
  gone_words text[];
BEGIN
  DELETE FROM member_name_words k
    USING unnest(orgs, ids, words) AS o(org_id, id, word)
    WHERE k.org_id = o.org_id AND k.word = o.word AND k.member_id = o.id;
  WITH counted AS (
    SELECT o.org_id, o.word, count(*)::int AS firms FROM unnest(orgs, words) AS o(org_id, word) GROUP BY 1, 2 ORDER BY 1, 2),
  lowered AS (
    UPDATE member_name_vocabulary v SET firms = v.firms - c.firms FROM counted c
    WHERE v.org_id = c.org_id AND v.word = c.word
    RETURNING v.org_id, v.word, v.firms)
  SELECT array_agg(org_id), array_agg(word) INTO gone_orgs, gone_words FROM lowered WHERE firms <= 0;
  IF gone_words IS NULL THEN RETURN; END IF;
  DELETE FROM member_name_vocabulary v
    USING unnest(gone_orgs, gone_words) AS g(org_id, word)
    WHERE v.org_id = g.org_id AND v.word = g.word;
  DELETE FROM member_name_spellings s
    USING unnest(gone_orgs, gone_words) AS g(org_id, word), unnest(member_word_deletions(g.word, 2)) AS d
    WHERE s.org_id = g.org_id AND s.variant = d AND s.word = g.word AND member_word_is_spelt(g.word);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_name_words_added(orgs uuid[], ids uuid[], names text[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public
AS $$
  SELECT member_name_words_put(array_agg(n.org_id), array_agg(n.id), array_agg(w))
  FROM unnest(orgs, ids, names) AS n(org_id, id, search_name), member_name_words_of(n.search_name) AS w
  HAVING count(*) > 0
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_name_words_removed(orgs uuid[], ids uuid[], names text[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public
AS $$
  SELECT member_name_words_drop(array_agg(o.org_id), array_agg(o.id), array_agg(w))
  FROM unnest(orgs, ids, names) AS o(org_id, id, search_name), member_name_words_of(o.search_name) AS w
  HAVING count(*) > 0
$$;
--> statement-breakpoint
-- Only rows whose name (or organisation) changed, and of those only the words
-- that differ: the old words go before the new come.
CREATE OR REPLACE FUNCTION members_name_words_updated() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  PERFORM member_name_words_drop(array_agg(c.org_id), array_agg(c.id), array_agg(c.word))
    FROM (SELECT o.org_id, o.id, w AS word
          FROM before_change o JOIN after_change n ON n.id = o.id AND (n.search_name IS DISTINCT FROM o.search_name OR n.org_id <> o.org_id),
            member_name_words_of(o.search_name) AS w
          WHERE n.org_id <> o.org_id OR w NOT IN (SELECT member_name_words_of(n.search_name))) c
    HAVING count(*) > 0;
  PERFORM member_name_words_put(array_agg(c.org_id), array_agg(c.id), array_agg(c.word))
    FROM (SELECT n.org_id, n.id, w AS word
          FROM before_change o JOIN after_change n ON n.id = o.id AND (n.search_name IS DISTINCT FROM o.search_name OR n.org_id <> o.org_id),
            member_name_words_of(n.search_name) AS w
          WHERE n.org_id <> o.org_id OR w NOT IN (SELECT member_name_words_of(o.search_name))) c
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION member_name_words_put(uuid[], uuid[], text[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION member_name_words_drop(uuid[], uuid[], text[]) FROM PUBLIC;
