/**
 * vic_MethodsOfControl of HTCDS 2.0. The standard names the methods twice, differently:
 *
 * - the picklist of the field standard (HTCDS Field Standards 2.0.ods, `vic_MethodsOfControl`,
 *   16 value names), which the survey and spreadsheet toolkits also use, and
 * - 17 boolean variables `MethodsOfControl*` in "Field Definitions.md", with the definitions.
 *
 * Lantern stores the picklist's value names (what HTCDS systems exchange) and keeps the mapping
 * from the definition variables here, for imports of data laid out as those variables and for
 * showing each value's definition. docs/htcds-mapping.md lists both.
 */
export const METHODS_OF_CONTROL = [
  'PhysicalThreats',
  'ThreatsLawEnforcement',
  'ThreatensChildrenFamily',
  'DebtBondage',
  'FalsePromises',
  'PhysicalAbuse',
  'SexualAbuse',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'RestrictsMedicalCare',
  'WithholdsNecessities',
  'PsychologicalAbuse',
  'PsychoactiveSubstance',
  'ExcessiveWorkingHours',
  'WithholdsDocuments',
  'Other',
] as const;
export type MethodOfControl = (typeof METHODS_OF_CONTROL)[number];

/**
 * Each `MethodsOfControl*` variable of Field Definitions.md and the picklist value it is
 * recorded as. Four names differ only in wording (Threats, ThreatOfLawEnforcement,
 * PsychoactiveSubstances, UsesChildren); `MethodsOfControlRestrictsMovement` has no picklist
 * value in 2.0 and is recorded as `Other` (docs/htcds-mapping.md, open question).
 */
export const METHOD_OF_CONTROL_BY_FIELD_NAME = {
  MethodsOfControlDebtBondage: 'DebtBondage',
  MethodsOfControlTakesEarnings: 'TakesEarnings',
  MethodsOfControlRestrictsFinancialAccess: 'RestrictsFinancialAccess',
  MethodsOfControlThreats: 'PhysicalThreats',
  MethodsOfControlPsychologicalAbuse: 'PsychologicalAbuse',
  MethodsOfControlPhysicalAbuse: 'PhysicalAbuse',
  MethodsOfControlSexualAbuse: 'SexualAbuse',
  MethodsOfControlFalsePromises: 'FalsePromises',
  MethodsOfControlPsychoactiveSubstances: 'PsychoactiveSubstance',
  MethodsOfControlRestrictsMovement: 'Other',
  MethodsOfControlRestrictsMedicalCare: 'RestrictsMedicalCare',
  MethodsOfControlExcessiveWorkingHours: 'ExcessiveWorkingHours',
  MethodsOfControlUsesChildren: 'ThreatensChildrenFamily',
  MethodsOfControlThreatOfLawEnforcement: 'ThreatsLawEnforcement',
  MethodsOfControlWithholdsNecessities: 'WithholdsNecessities',
  MethodsOfControlWithholdsDocuments: 'WithholdsDocuments',
  MethodsOfControlOther: 'Other',
} as const satisfies Record<string, MethodOfControl>;
export type MethodOfControlFieldName = keyof typeof METHOD_OF_CONTROL_BY_FIELD_NAME;

/** The picklist values for a record laid out as `MethodsOfControl*` booleans (true = present). */
export function methodsOfControlFromFlags(
  flags: Partial<Record<MethodOfControlFieldName, boolean>>,
): MethodOfControl[] {
  const found = new Set<MethodOfControl>();
  for (const [name, value] of Object.entries(METHOD_OF_CONTROL_BY_FIELD_NAME)) {
    if (flags[name as MethodOfControlFieldName]) found.add(value);
  }
  return METHODS_OF_CONTROL.filter((v) => found.has(v));
}
