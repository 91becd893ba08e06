-- Understand (docs/insights.md): the counts the dashboards, trend alerts, hot spots and the
-- SDG 16.2.2 indicator read, kept current by statement-level triggers on `cases`, so that a
-- dashboard over 1,000,000 cases groups a few thousand count rows instead of scanning the cases
-- (bench/insights-dashboard.ts). Coded fields only: nothing here identifies a person.
-- A merged case (a tombstone, merged_into set) is not counted: its survivor is.

-- CTDC ageBroad bands (CTDC codebook; src/shared/hub/ctdc/global-layout.ts), 'unknown' when the
-- age at registration is not recorded.
CREATE FUNCTION lantern_age_band(age smallint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN age IS NULL THEN 'unknown'
    WHEN age <= 8 THEN '0--8'
    WHEN age <= 17 THEN '9--17'
    WHEN age <= 20 THEN '18--20'
    WHEN age <= 23 THEN '21--23'
    WHEN age <= 26 THEN '24--26'
    WHEN age <= 29 THEN '27--29'
    WHEN age <= 38 THEN '30--38'
    WHEN age <= 47 THEN '39--47'
    ELSE '48+'
  END
$$;

-- A set of exploitation types in one spelling (sorted, without repeats), so that equal sets
-- share one count row.
CREATE FUNCTION lantern_sorted_set(items text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT item ORDER BY item), '{}') FROM unnest(items) AS item
$$;

-- One row per organisation, registration month and combination of the grouped fields, with
-- the number of (unmerged) cases in it. `exploitation` is the case's whole set of
-- vic_TypeOfExploitation, so totals count each case once and a type's count is the sum over
-- the sets that contain it. `country_of_exploitation` is '' when unknown.
CREATE TABLE case_counts (
  org_id                   uuid NOT NULL REFERENCES organisations(id),
  month                    date NOT NULL,
  gender                   text NOT NULL,
  age_band                 text NOT NULL,
  citizenship              char(2) NOT NULL,
  country_of_exploitation  text NOT NULL,
  exploitation             text[] NOT NULL,
  trafficking_status       text NOT NULL,
  n                        integer NOT NULL,
  PRIMARY KEY (org_id, month, gender, age_band, citizenship, country_of_exploitation,
               exploitation, trafficking_status)
);

ALTER TABLE case_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_counts TO lantern_app
  USING (org_id = lantern_org_id()) WITH CHECK (org_id = lantern_org_id());
CREATE POLICY system ON case_counts TO CURRENT_USER USING (true);
GRANT SELECT, INSERT, UPDATE ON case_counts TO lantern_app;

-- A partial data cube over the same cases (Gray et al., "Data cube: a relational aggregation
-- operator generalizing group-by, cross-tab, and sub-totals", Data Mining and Knowledge
-- Discovery 1:29, 1997): per organisation and month, the number of cases in all (dim ''), of
-- each value of each dimension (dim2 ''), and of each value of a dimension among the cases with
-- one value of a broad filter (dim2: exploitation, gender, trafficking status; a value of one of
-- them selects up to half of the cases). At 1,000,000 cases case_counts holds nearly a row per
-- case (eight fields combine into more cells than there are cases), so a chart with no filter
-- or one broad filter reads a few thousand rows here instead; a narrow filter (a country, an
-- age band: a few per cent of the cases each) reads case_counts through its index
-- (src/server/insights/dashboard.repo.ts; bench/insights-dashboard.ts). The pairs stop at
-- these three filters because every pair is one more row per case for the trigger to write.
-- Exploitation is also crossed with itself (the types of the cases of one type).
-- Dimensions are named as
-- the API names them; exploitation is one row per type (a case with several is in each; one
-- with none is 'unknown'), an unknown country of exploitation is 'unknown'. trafficking_status
-- is only ever a filter (dim2), never charted (dim).
CREATE TABLE case_count_cube (
  org_id  uuid NOT NULL REFERENCES organisations(id),
  dim     text NOT NULL,
  dim2    text NOT NULL,
  value2  text NOT NULL,
  month   date NOT NULL,
  value   text NOT NULL,
  n       integer NOT NULL,
  PRIMARY KEY (org_id, dim, dim2, value2, month, value)
);

ALTER TABLE case_count_cube ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_count_cube FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_count_cube TO lantern_app
  USING (org_id = lantern_org_id()) WITH CHECK (org_id = lantern_org_id());
CREATE POLICY system ON case_count_cube TO CURRENT_USER USING (true);
GRANT SELECT, INSERT, UPDATE ON case_count_cube TO lantern_app;

-- Charts with several filters read case_counts under these (a bitmap AND of the selective ones).
CREATE INDEX case_counts_citizenship_idx ON case_counts (org_id, citizenship, month);
CREATE INDEX case_counts_coe_idx ON case_counts (org_id, country_of_exploitation, month);
CREATE INDEX case_counts_age_idx ON case_counts (org_id, age_band, month);
CREATE INDEX case_counts_types_idx ON case_counts USING gin (exploitation);

-- The statement that applies a set of changed cases (`source`: rows of `cases` with a column d,
-- +1 for a row that now counts, −1 for one that no longer does) to both tables: the old rows'
-- cells lose a case, the new rows' gain one (Hanson, "A performance analysis of view
-- materialization strategies", SIGMOD 1987: incremental maintenance from the changed rows only).
-- Old and new rows are netted and each upsert takes its rows in key order: concurrent statements
-- lock the rows they share in the same order and cannot deadlock one another, and an update
-- that changes no counted field (a status, an owner) writes nothing.
CREATE FUNCTION case_counts_statement(source text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT format($sql$
    WITH changed AS MATERIALIZED (
      SELECT id, d, org_id, date_trunc('month', registration_date)::date AS month, gender,
             lantern_age_band(age_at_registration) AS age_band, citizenship,
             coalesce(country_of_exploitation, '') AS coe,
             lantern_sorted_set(type_of_exploitation) AS types, trafficking_status
        FROM (%s) AS c WHERE merged_into IS NULL
    ), counted AS (
      INSERT INTO case_counts AS c (org_id, month, gender, age_band, citizenship,
                                    country_of_exploitation, exploitation, trafficking_status, n)
      SELECT org_id, month, gender, age_band, citizenship, coe, types, trafficking_status,
             sum(d)::integer
        FROM changed
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
      ON CONFLICT (org_id, month, gender, age_band, citizenship, country_of_exploitation,
                   exploitation, trafficking_status)
      DO UPDATE SET n = c.n + excluded.n
      RETURNING 1
    ), facets AS MATERIALIZED (
      SELECT x.id, x.d, x.org_id, x.month, f.dim, f.value
        FROM changed x CROSS JOIN LATERAL (
          SELECT 'exploitation', t
            FROM unnest(CASE WHEN cardinality(x.types) = 0 THEN ARRAY['unknown'] ELSE x.types END) AS t
          UNION ALL
          VALUES ('gender', x.gender), ('ageBand', x.age_band), ('citizenship', x.citizenship::text),
                 ('countryOfExploitation', coalesce(nullif(x.coe, ''), 'unknown')),
                 ('traffickingStatus', x.trafficking_status)
        ) AS f(dim, value)
    )
    INSERT INTO case_count_cube AS c (org_id, dim, dim2, value2, month, value, n)
    SELECT org_id, dim, dim2, value2, month, value, sum(d)::integer
      FROM (
        SELECT org_id, '' AS dim, '' AS dim2, '' AS value2, month, '' AS value, d FROM changed
        UNION ALL
        SELECT org_id, dim, '', '', month, value, d FROM facets
        UNION ALL
        SELECT a.org_id, a.dim, b.dim, b.value, a.month, a.value, a.d
          FROM facets a JOIN facets b
            ON b.id = a.id AND b.d = a.d AND (b.dim <> a.dim OR b.dim = 'exploitation')
         WHERE a.dim <> 'traffickingStatus'
           AND b.dim IN ('exploitation', 'gender', 'traffickingStatus')
      ) AS k
     GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (org_id, dim, dim2, value2, month, value) DO UPDATE SET n = c.n + excluded.n
  $sql$, source)
$fn$;

CREATE FUNCTION case_counts_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Transition tables are visible to the dynamic statements of the trigger function itself
  -- (PL/pgSQL registers them with SPI), so the statement is run here, not in a nested function.
  EXECUTE case_counts_statement(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS d FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS d FROM old_rows'
    ELSE 'SELECT *, -1 AS d FROM old_rows UNION ALL SELECT *, 1 FROM new_rows'
  END);
  RETURN NULL;
END
$$;

-- Transition tables need one trigger per event (PostgreSQL: CREATE TRIGGER, REFERENCING).
CREATE TRIGGER case_counts_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_counts_apply();
CREATE TRIGGER case_counts_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_counts_apply();
CREATE TRIGGER case_counts_delete AFTER DELETE ON cases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_counts_apply();

-- The cases already there.
DO $$ BEGIN EXECUTE case_counts_statement('SELECT *, 1 AS d FROM cases'); END $$;
