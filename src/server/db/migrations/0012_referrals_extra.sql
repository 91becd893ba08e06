-- Refer, referral lifecycle: what 0007_referrals.sql did not yet hold (docs/referrals.md).
-- Runs on PostgreSQL 15 and on PGlite. No new table: row-level security and grants of
-- `referrals` and `referral_events` (0007) cover the new columns.

-- The sender's draft: its message and the values it states itself (languages, safety concerns,
-- a health note, separation details), sealed under the referral's data key (additional data
-- `referral-draft:<id>`). Cleared at sending, when they move into the snapshot.
ALTER TABLE referrals ADD COLUMN draft bytea;

-- A referral received from another Lantern instance has no case here (case_id NULL): its
-- partner and the sender's id are `partner_id` and `remote_referral_id` (0009_instances.sql).

-- The lifecycle action (src/shared/referrals/lifecycle.ts) or 'create', 'update', 'message'
-- that wrote the event; `from_status`/`to_status` stay the statuses around it.
ALTER TABLE referral_events ADD COLUMN action text;

-- Which side acted: 'sender', 'receiver' or 'system' (src/shared/referrals/lifecycle.ts). Kept
-- because one organisation can be both sides (it refers to its own shelter).
ALTER TABLE referral_events ADD COLUMN actor_side text
  CHECK (actor_side IN ('sender', 'receiver', 'system'));

-- A draft may be withdrawn without ever being sent (0007 asked every status but draft to have
-- been sent). The table-level CHECK of 0007 is PostgreSQL's `referrals_check`.
ALTER TABLE referrals DROP CONSTRAINT referrals_check;
ALTER TABLE referrals ADD CONSTRAINT referrals_sent_check
  CHECK (status IN ('draft', 'withdrawn') OR sent_at IS NOT NULL);
