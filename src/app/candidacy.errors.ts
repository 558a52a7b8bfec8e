import { AppError, conflict } from './errors.ts';

/** Errors of the self-check, leads, evaluations and safety tasks (issue 4, items 2 and 3). No patient data in messages. */
export const selfCheckThrottled = (retryAfterS: number) =>
  new AppError('self_check.throttled', 429, 'Too many questionnaires sent from this address. Wait a minute and try again.', {
    retryAfterS,
  });
export const clinicNotFound = () => new AppError('clinic.not_found', 404, 'No clinic with that id.');
export const leadContactRequired = () =>
  new AppError('validation.failed', 400, 'Some fields are not valid.', {
    issues: [{ path: 'contact.phone', message: 'give a phone number or an email address so the clinic can reach you' }],
  });
export const leadAlreadyConverted = () => conflict('lead.already_converted', 'This request is already linked to a patient record.');
export const leadStatusLocked = () => conflict('lead.already_converted', 'A converted request keeps its status.');
export const absoluteContraindication = (issues: { path: string; code: string; message: string }[]) =>
  new AppError(
    'screening.absolute_contraindication',
    400,
    'An absolute contraindication cannot be overridden. Remove that override; the route stays not eligible.',
    { issues },
  );
/** The code is the first issue's (`screening.override_justification_required`, `screening.override_not_needed`, ...). */
export const overrideRefused = (issues: { path: string; code: string; message: string }[]) =>
  new AppError(
    issues[0]?.code ?? 'screening.override_invalid',
    400,
    'An override was refused. Read the issues, correct them and sign again.',
    {
      issues,
    },
  );
export const evaluationAlreadySigned = () => conflict('evaluation.already_signed', 'This evaluation is already signed.');
export const safetyTaskAlreadyCompleted = () => conflict('safety_task.already_completed', 'This task is already completed.');
