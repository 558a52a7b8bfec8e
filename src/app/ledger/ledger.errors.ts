import { AppError, hasSqlState } from '../errors.ts';

/** Errors of the controlled-substance ledger (issue 5). Messages name stock and registrations, never patients. */
const invalid = (code: string, message: string, details: Record<string, unknown> = {}) => new AppError(code, 400, message, details);

export const registrationNotFound = () => new AppError('ledger_registration.not_found', 404, 'No DEA registration with that id.');
export const locationNotFound = () =>
  new AppError('ledger.location_not_found', 404, 'No storage location with that id in this registration.');
export const lotNotFound = () => new AppError('ledger.lot_not_found', 404, 'No lot with that id in this registration.');
export const containerNotFound = () =>
  new AppError('ledger.container_not_found', 404, 'No opened container with that id in this registration.');
export const entryNotFound = () => new AppError('ledger.entry_not_found', 404, 'No ledger entry with that id in this registration.');
export const insufficientStock = (details: Record<string, unknown> = {}) =>
  new AppError(
    'ledger.insufficient_stock',
    409,
    'Not enough stock in that lot and location for this transaction; nothing was recorded.',
    details,
  );
export const deaNumberInvalid = (field: string, message: string) =>
  invalid('ledger.dea_number_invalid', message, { issues: [{ path: field, message }] });
export const deaNumberTaken = () => new AppError('ledger.dea_number_taken', 409, 'That DEA number is already registered here.');
export const locationNameTaken = () => new AppError('ledger.location_name_taken', 409, 'A storage location with that name already exists.');
export const lotExpired = (expiresOn: string) =>
  invalid('ledger.lot_expired', `That lot expired on ${expiresOn}; it may only be returned, destroyed or recorded as lost.`, { expiresOn });
export const lotMismatch = (field: string, message: string) =>
  invalid('ledger.lot_mismatch', message, { issues: [{ path: field, message }] });
export const unitMismatch = (field: string, message: string) =>
  invalid('ledger.unit_mismatch', message, { issues: [{ path: field, message }] });
export const productNotInLibrary = () =>
  invalid(
    'ledger.product_not_in_library',
    "That product is not in this clinic's approved drug library, or the ledger does not track its form.",
  );
export const esketamineNotDispensable = () =>
  invalid(
    'ledger.esketamine_not_dispensable',
    'Esketamine is never dispensed for use at home (SPRAVATO REMS): it is administered in the clinic only.',
  );
export const notDispensable = () =>
  invalid('ledger.not_dispensable', 'Only compounded oral or sublingual preparations are dispensed for home use.');
export const witnessNotVerified = () =>
  invalid(
    'ledger.witness_not_verified',
    'The witness could not be verified: check the email and password. A witness is an active physician, nurse or admin of this clinic.',
  );
export const witnessThrottled = () =>
  new AppError(
    'ledger.witness_throttled',
    429,
    'Too many wrong witness passwords for that account. Wait 15 minutes, or ask another colleague.',
  );
export const witnessSamePerson = () =>
  invalid(
    'ledger.witness_same_person',
    'A witness must be a different person from whoever records the entry, whoever gave the dose, and any other witness.',
  );
export const alreadyCorrected = () => new AppError('ledger.already_corrected', 409, 'That entry was already corrected.');
export const notCorrectable = () =>
  invalid('ledger.not_correctable', 'Only stock movements can be corrected; opening a container and corrections cannot.');
export const openingBalanceClosed = () =>
  new AppError('ledger.opening_balance_closed', 409, 'Opening balances are only accepted before the first other stock entry.');
export const registrationExpired = () =>
  invalid(
    'ledger.registration_expired',
    'This DEA registration has expired: record its renewal before receiving, administering or dispensing.',
  );
export const occurredInFuture = (field = 'occurredAt') =>
  invalid('validation.failed', 'Some fields are not valid.', { issues: [{ path: field, message: 'cannot be in the future' }] });
export const sameLocation = () =>
  invalid('validation.failed', 'Some fields are not valid.', {
    issues: [{ path: 'toLocationId', message: 'must differ from the source location' }],
  });
export const patientNotFound = () => new AppError('patient.not_found', 404, 'No patient with that id.');
export const prescriberNotEligible = () =>
  invalid('ledger.prescriber_not_eligible', 'The prescriber must be an active physician of this clinic.');

export const quantityTooLarge = () =>
  invalid('ledger.quantity_too_large', 'That quantity is larger than the ledger can hold; check the figures.');
export const occurredTooLongAgo = (field: string, days: number) =>
  invalid('validation.failed', 'Some fields are not valid.', {
    issues: [{ path: field, message: `must be within the last ${days} days and after the registration was entered` }],
  });

/** True for a numeric overflow (SQLSTATE 22003): a quantity beyond numeric(14,3). */
export const isNumericOverflow = (error: unknown) => hasSqlState(error, '22003');

/** True for a CHECK violation (SQLSTATE 23514): the non-negative balance constraint. */
export const isCheckViolation = (error: unknown) => hasSqlState(error, '23514');
