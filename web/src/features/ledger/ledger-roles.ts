import type { Role } from '../auth/auth.api.ts';

/**
 * Who sees and does what in the ledger (contract "Permissions"; the server checks every request again).
 * Administration, waste and dispensing are clinical acts: physicians and nurses only.
 */
export const LEDGER_READ_ROLES: readonly Role[] = ['admin', 'physician', 'nurse'];
export const LEDGER_REGISTER_ROLES: readonly Role[] = ['admin'];
export const LEDGER_RECEIVE_ROLES: readonly Role[] = ['admin', 'physician', 'nurse'];
export const LEDGER_ADMINISTER_ROLES: readonly Role[] = ['physician', 'nurse'];
export const LEDGER_DISPENSE_ROLES: readonly Role[] = ['physician', 'nurse'];
export const LEDGER_DISPOSE_ROLES: readonly Role[] = ['admin', 'physician', 'nurse'];
export const LEDGER_CORRECT_ROLES: readonly Role[] = ['admin', 'physician', 'nurse'];
export const LEDGER_COUNT_ROLES: readonly Role[] = ['admin', 'physician', 'nurse'];
