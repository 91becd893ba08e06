-- Speed of the data hub (issue 6: 100,000 case records to a published k = 11 file in under
-- 10 s). A prepared contribution's rows are one text[] value of some 25 MB at 100,000 cases:
-- stored out of line without compression (as hub_publications.content, migration 0016), the
-- array is written in half the time and read back faster, for some more space.
ALTER TABLE hub_contributions ALTER COLUMN rows SET STORAGE EXTERNAL;
