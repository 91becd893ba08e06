-- Row-level security policies compare with (SELECT lantern_org_id()) instead of lantern_org_id().
-- Same rows, same checks: the sub-select is planned as an InitPlan and evaluated once per
-- statement, where the inlined function call (current_setting + a uuid cast) was evaluated once
-- per row whenever the policy ended up as a filter rather than an index condition (a count over
-- 10,000 cases took ~10 ms instead of ~2 ms on PostgreSQL 15; see bench/README.md).

ALTER POLICY org_self ON organisations USING (id = (SELECT lantern_org_id()));

ALTER POLICY tenant ON users
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
ALTER POLICY tenant ON sessions
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
ALTER POLICY tenant ON persons
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
ALTER POLICY tenant ON cases
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
ALTER POLICY tenant ON audit_log
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
ALTER POLICY tenant ON audit_heads
  USING (chain = 'org:' || (SELECT lantern_org_id())::text)
  WITH CHECK (chain = 'org:' || (SELECT lantern_org_id())::text);
