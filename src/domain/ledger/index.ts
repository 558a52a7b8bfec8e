/**
 * Public API of the controlled-substance ledger domain (issue 5). Everything here is pure: no I/O, no clock; times
 * come in as inputs. Facts and sources: DOMAIN.md section 10; rules not found there are marked [M] where they live.
 */

export { type CountBody, countBodySchema, type DiscrepancyActionBody, discrepancyActionBodySchema } from './count-input.ts';
export { type CsvCell, escapeCsvCell, toCsv } from './csv.ts';
export { DEA_FIRST_LETTERS, type DeaNumberResult, validateDeaNumber } from './dea-number.ts';
export {
  assessDistributionLimit,
  DISTRIBUTION_LIMIT_FRACTION,
  type DistributionLimitAssessment,
  type DistributionLimitInput,
} from './distribution-limit.ts';
export {
  type ChainedEntry,
  type ChainedLine,
  canonicalizeLedgerEntry,
  findFirstLedgerBreak,
  LEDGER_GENESIS_HASH_HEX,
  type LedgerChainBreak,
} from './ledger-chain.ts';
export {
  CORRECTABLE_KINDS,
  canonicalJson,
  LEDGER_ENTRY_KINDS,
  type LedgerEntryKind,
  RECORD_ENTRY_KINDS,
  STOCK_ENTRY_KINDS,
} from './ledger-entry.ts';
export { type ApplyLinesResult, applyLines, type LedgerLine } from './ledger-model.ts';
export {
  computeLossDeadlines,
  endOfLocalDay,
  FORM_106_DAYS,
  isFederalBusinessDay,
  type LossDeadlines,
  listObservedFederalHolidays,
  toLocalDate,
} from './loss-deadlines.ts';
export {
  AMOUNT_DECIMALS,
  type Amount,
  checkUnitFits,
  checkWholeDevices,
  formatDecimals,
  type LedgerProductForm,
  type LotMeasure,
  negateAmount,
  type ParsedLedgerQuantity,
  parseLedgerQuantity,
  type QuantityUnit,
  roundAmount,
  toAmount,
} from './quantities.ts';
export { quantitySchema, type TransactionInput, transactionInputSchema } from './transaction-input.ts';
