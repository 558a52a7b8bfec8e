import { AppError, conflict } from './errors.ts';

/** Errors of versioned e-consent (issue 4, item 4). Messages name templates and versions, never patient data. */
export const consentTemplateNotFound = () =>
  new AppError('consent.template_not_found', 404, 'No consent template with that id in this clinic.');
export const consentTemplateNotCurrent = (currentVersion: number) =>
  new AppError('consent.template_not_current', 409, 'That consent text is not the current version. Reload and read the current text.', {
    currentVersion,
  });
export const consentTextMismatch = () =>
  conflict('consent.text_mismatch', 'The text shown does not match the stored consent text. Reload and read it again.');
export const consentNotFound = () => new AppError('consent.not_found', 404, 'No signed consent with that id for this patient.');
export const consentAlreadyAttested = () => conflict('consent.already_attested', 'The discussion for this consent is already attested.');
export const consentVersionTaken = () =>
  conflict('consent.version_conflict', 'Another version of this template was saved at the same moment. Reload and try again.');
