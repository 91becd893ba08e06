-- The service directory's search (docs/directory.md): active services of one type inside a
-- latitude band (the bounding-box prefilter, src/shared/directory/geo.ts) before the exact
-- haversine distance is computed in TypeScript. Longitude is checked on the rows the band
-- leaves. Runs on PostgreSQL 15 and on PGlite.
CREATE INDEX services_search_idx ON services (service_type, latitude) WHERE active;
