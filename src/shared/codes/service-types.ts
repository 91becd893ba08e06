/**
 * Types of service a person can be referred to (the Refer capability's directory and referrals,
 * and consent to referral per service type). Lantern's own list, close to the assistance areas
 * of IOM's *Handbook on Protection and Assistance for Migrants Vulnerable to Violence,
 * Exploitation and Abuse* (2019) and HTCDS 2.0's support plan types (`spl_Type`), split where a
 * survivor is likely to accept one and refuse the other (shelter vs. medical care, say).
 */
export const SERVICE_TYPES = [
  'shelter',
  'medical',
  'mental_health_psychosocial',
  'legal_aid',
  'interpretation',
  'documentation',
  'safe_return_reintegration',
  'livelihood',
  'education',
  'child_protection',
  'family_tracing',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const isServiceType = (v: unknown): v is ServiceType =>
  typeof v === 'string' && (SERVICE_TYPES as readonly string[]).includes(v);
