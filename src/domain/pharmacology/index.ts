/**
 * Public API of the pharmacology core (issue 3). Everything here is pure and structured-clone friendly, so the
 * HTTP layer can call it directly or from a worker thread. See README.md and docs/pharmacology.md.
 */

export { ABSORPTION_DEFAULTS, type Route, TOPICAL_NOTE } from './absorption.ts';
export { computeTimeTo90PctSteadyStateMin, deriveKaFromTmax } from './closed-form.ts';
export {
  BANDS_NOTE,
  CONCENTRATION_BANDS,
  type ConcentrationBand,
  classifyConcentration,
  computeTimeInBands,
} from './concentration-bands.ts';
export { DEFAULT_DRUG_LIBRARY } from './default-drug-library.ts';
export { checkDose, type DoseCheckInput, type DoseCheckResult, type Violation } from './dose-check.ts';
export { type DoseCheckRequest, parseDoseCheckRequest } from './dose-request.ts';
export { type DrugLibrary, drugLibrarySchema, findLibraryEntry, type LibraryEntry, type Product, type Profile } from './drug-library.ts';
export { computeSteadyStateRateMgPerH, planTargetControlled, type TargetPlan, type TargetPlanInput } from './inverse.ts';
export { checkModelValidity, DEFAULT_MODEL_ID, ESKETAMINE_NO_MODEL, findPkModel, PK_MODELS, type PkModelDefinition } from './pk-models.ts';
export {
  MAX_POINTS,
  type PredictionOutcome,
  type PredictionRequest,
  predictConcentrations,
  type SimulationOutcome,
  type SimulationRequest,
  type SimulationResult,
  simulateRegimen,
  WEIGHT_KG_RANGE,
} from './pk-simulation.ts';
export {
  MAX_POPULATION_POINTS,
  MAX_SUBJECTS,
  type PopulationInput,
  type PopulationOutcome,
  type PopulationResult,
  simulatePopulation,
} from './population.ts';
export { type FieldIssue, type Regimen, regimenSchema, resolveRegimen } from './regimen.ts';
export { formatQuantity, parseQuantity, type Quantity, type UnitSymbol } from './units.ts';
