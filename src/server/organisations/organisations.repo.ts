import type { Tx } from '../db/database.ts';

export interface OrganisationRow {
  id: string;
  name: string;
  requireTotp: boolean;
}

export async function insertOrganisation(
  tx: Tx,
  org: { id: string; name: string; wrappedKey: Buffer; now: Date },
): Promise<void> {
  await tx.query(
    'INSERT INTO organisations (id, name, wrapped_key, created_at) VALUES ($1, $2, $3, $4)',
    [org.id, org.name, org.wrappedKey, org.now],
  );
}

export async function findOrganisation(tx: Tx, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await tx.query<OrganisationRow>(
    'SELECT id, name, require_totp AS "requireTotp" FROM organisations WHERE id = $1',
    [id],
  );
  return row;
}

export async function listOrganisations(tx: Tx): Promise<OrganisationRow[]> {
  return tx.query<OrganisationRow>(
    'SELECT id, name, require_totp AS "requireTotp" FROM organisations ORDER BY created_at, id',
  );
}

export async function getWrappedKey(tx: Tx, id: string): Promise<Uint8Array | undefined> {
  const [row] = await tx.query<{ wrapped_key: Uint8Array }>(
    'SELECT wrapped_key FROM organisations WHERE id = $1',
    [id],
  );
  return row?.wrapped_key;
}

export async function updateOrganisation(
  tx: Tx,
  id: string,
  patch: { name?: string | undefined; requireTotp?: boolean | undefined },
): Promise<OrganisationRow | undefined> {
  const [row] = await tx.query<OrganisationRow>(
    `UPDATE organisations SET name = coalesce($2, name), require_totp = coalesce($3, require_totp)
     WHERE id = $1 RETURNING id, name, require_totp AS "requireTotp"`,
    [id, patch.name ?? null, patch.requireTotp ?? null],
  );
  return row;
}

/** The next case number of the organisation (the row lock serialises concurrent creations). */
export async function nextCaseNumber(tx: Tx, id: string): Promise<number> {
  const [row] = await tx.query<{ case_seq: number }>(
    'UPDATE organisations SET case_seq = case_seq + 1 WHERE id = $1 RETURNING case_seq',
    [id],
  );
  if (!row) throw new Error('organisation not found');
  return row.case_seq;
}
