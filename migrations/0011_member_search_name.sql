-- The normalised name is stored, so matching reads it instead of running
-- unaccent on every candidate row; the trigram index moves onto it.
ALTER TABLE "members" ADD COLUMN "search_name" text GENERATED ALWAYS AS (f_unaccent(lower(legal_name || ' ' || coalesce(trade_name, '')))) STORED;
