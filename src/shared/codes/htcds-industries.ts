/**
 * vic_ForcedLabourIndustry of HTCDS 2.0 and its optional sub-levels.
 *
 * Tier 1 is the standard's picklist (HTCDS Field Standards 2.0.ods): the 21 sections of ISIC
 * Rev. 4, spelled as its value names. Tiers 2 and 3 come from "Field Definitions.md", sections
 * "Labour Subdivisions (TIER 2)" and "(TIER 3)", which give labels but no value names; the
 * codes below are Lantern's: the ISIC Rev. 4 section letter and the most specific ISIC division
 * or group that covers the whole entry, then the label in PascalCase. `isic` cites the ISIC
 * Rev. 4 codes each entry covers (https://unstats.un.org/unsd/classifications/Family/Detail/27).
 */
export const INDUSTRY_TIER1 = [
  'A_AgricultureForestryAndFishing',
  'B_MiningAndQuarrying',
  'C_Manufacturing',
  'D_ElectricityGasSteamAndAirConditioningSupply',
  'E_WaterSupplySewerageWasteManagement',
  'F_Construction',
  'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
  'H_TransportationAndStorage',
  'I_AccommodationAndFoodServiceActivities',
  'J_InformationAndCommunication',
  'K_FinancialAndInsuranceActivities',
  'L_RealEstateActivities',
  'M_ProfessionalScientificAndTechnicalActivities',
  'N_AdministrativeAndSupportServiceActivities',
  'O_PublicAdministrationAndDefence',
  'P_Education',
  'Q_HumanHealthAndSocialWorkActivities',
  'R_ArtsEntertainmentAndRecreation',
  'S_OtherServiceActivities',
  'T_ActivitiesOfHouseholdsAsEmployers',
  'U_ActivitiesOfExtraterritorialOrganizations',
] as const;
export type IndustryTier1 = (typeof INDUSTRY_TIER1)[number];

interface SubIndustry {
  code: string;
  parent: string;
  isic: string;
}

const sub = (parent: string, isic: string, ...codes: string[]): SubIndustry[] =>
  codes.map((code) => ({ code, parent, isic: isic === '*' ? code.slice(1, 3) : isic }));

/** Tier 2 ("Labour Subdivisions (TIER 2)"): ISIC divisions, in the standard's order. */
export const INDUSTRY_TIER2 = [
  ...sub(
    'A_AgricultureForestryAndFishing',
    '*',
    'A01_CropAndAnimalProductionHunting',
    'A02_ForestryAndLogging',
    'A03_FishingAndAquaculture',
  ),
  ...sub(
    'C_Manufacturing',
    '*',
    'C10_FoodProducts',
    'C11_Beverages',
    'C12_TobaccoProducts',
    'C13_Textiles',
    'C14_WearingApparel',
    'C15_LeatherAndRelatedProducts',
    'C16_WoodAndCorkProducts',
    'C17_PaperAndPaperProducts',
    'C18_PrintingAndRecordedMedia',
    'C19_CokeAndRefinedPetroleumProducts',
    'C20_ChemicalsAndChemicalProducts',
    'C21_PharmaceuticalProducts',
    'C22_RubberAndPlasticsProducts',
    'C23_OtherNonMetallicMineralProducts',
    'C24_BasicMetals',
    'C25_FabricatedMetalProducts',
    'C26_ComputerElectronicAndOpticalProducts',
    'C27_ElectricalEquipment',
    'C28_MachineryAndEquipment',
    'C29_MotorVehiclesAndTrailers',
    'C30_OtherTransportEquipment',
    'C31_Furniture',
    'C32_OtherManufacturing',
    'C33_RepairAndInstallationOfMachinery',
  ),
  ...sub(
    'H_TransportationAndStorage',
    '*',
    'H49_LandTransportAndPipelines',
    'H50_WaterTransport',
    'H51_AirTransport',
    'H52_WarehousingAndTransportSupport',
    'H53_PostalAndCourierActivities',
  ),
  // HTCDS splits division 56 by what the business primarily serves (food or beverages).
  ...sub('I_AccommodationAndFoodServiceActivities', '55', 'I55_PrimarilyAccommodation'),
  ...sub('I_AccommodationAndFoodServiceActivities', '561, 562', 'I56_PrimarilyFood'),
  ...sub('I_AccommodationAndFoodServiceActivities', '563', 'I56_PrimarilyBeverages'),
  // ISIC division 80 (security and investigation) is not listed; the standard's definition of
  // "Travel agency…" is ISIC 80's text, an error in the standard: 79 is what the label names.
  ...sub(
    'N_AdministrativeAndSupportServiceActivities',
    '*',
    'N77_RentalAndLeasing',
    'N78_EmploymentActivities',
    'N79_TravelAgencyAndTourOperators',
    'N81_ServicesToBuildingsAndLandscape',
    'N82_OfficeAdministrativeAndSupport',
  ),
] as const satisfies readonly SubIndustry[];

/** Tier 3 ("Labour Subdivisions (TIER 3)"): only for agriculture, forestry and fishing. */
export const INDUSTRY_TIER3 = [
  ...sub('A01_CropAndAnimalProductionHunting', '011', 'A011_GrowingOfNonPerennialCrops'),
  ...sub('A01_CropAndAnimalProductionHunting', '013', 'A013_PlantPropagation'),
  ...sub('A01_CropAndAnimalProductionHunting', '014', 'A014_AnimalProduction'),
  ...sub('A01_CropAndAnimalProductionHunting', '015', 'A015_MixedFarming'),
  ...sub('A01_CropAndAnimalProductionHunting', '016', 'A016_SupportActivitiesToAgriculture'),
  ...sub('A01_CropAndAnimalProductionHunting', '012, 017', 'A01_OtherCropAndAnimalProduction'),
  ...sub('A03_FishingAndAquaculture', '0311, 0321', 'A03_MarineFishingOrAquaculture'),
  ...sub('A03_FishingAndAquaculture', '0312, 0322', 'A03_FreshwaterFishingOrAquaculture'),
] as const satisfies readonly SubIndustry[];

/** Every industry code of every tier: what `forcedLabourIndustry` accepts. */
export const INDUSTRY_CODES: readonly string[] = [
  ...INDUSTRY_TIER1,
  ...INDUSTRY_TIER2.map((i) => i.code),
  ...INDUSTRY_TIER3.map((i) => i.code),
];

const PARENT = new Map<string, string>(
  [...INDUSTRY_TIER2, ...INDUSTRY_TIER3].map((i) => [i.code, i.parent]),
);

/**
 * The path from tier 1 down to `code`: ['C_Manufacturing', 'C13_Textiles'] for C13_Textiles.
 * Its first element is what HTCDS exchanges as vic_ForcedLabourIndustry.
 */
export function industryPath(code: string): string[] {
  const path = [code];
  for (let p = PARENT.get(code); p !== undefined; p = PARENT.get(p)) path.unshift(p);
  return path;
}
