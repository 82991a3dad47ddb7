-- Search without diacritics and with typos (catalog, units, later applicants): unaccent + trigram similarity.
-- Both are trusted contrib extensions on PostgreSQL ≥ 13; PGlite loads them in pglite-worker.mjs.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (it reads a dictionary); an index needs an IMMUTABLE expression. The wrapper pins
-- the dictionary, which makes the promise true. Vietnamese đ/Đ are not decomposable letters: map them too.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT translate(lower(public.unaccent('public.unaccent'::regdictionary, $1)), 'đ', 'd') $$;
COMMENT ON FUNCTION f_unaccent(text) IS 'lower-case, accent-free form for search: "Đăng ký khai sinh" → "dang ky khai sinh"';
