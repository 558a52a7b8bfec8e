import { AppError, conflict, hasSqlState } from './errors.ts';

/** Errors of the per-clinic drug library (issue 3, item 7). Messages name versions, never patient data. */
export const libraryVersionNotFound = () =>
  new AppError('drug_library.version_not_found', 404, 'No drug library version with that number in this clinic.');
export const libraryAlreadyApproved = () => conflict('drug_library.already_approved', 'That drug library version is already approved.');
export const librarySuperseded = (currentVersion: number) =>
  new AppError('drug_library.superseded', 409, 'A later version is already approved; write a new draft instead.', { currentVersion });
export const libraryVersionTaken = () =>
  conflict('drug_library.version_conflict', 'Another draft was saved at the same moment. Reload and try again.');
export const librarySelfApproval = () =>
  new AppError('drug_library.self_approval', 403, 'A drug library version must be approved by someone other than its author.');

/** True for a primary-key or unique violation (SQLSTATE 23505). */
export const isUniqueViolation = (error: unknown) => hasSqlState(error, '23505');
