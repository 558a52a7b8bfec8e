import { AppError, conflict } from './errors.ts';

/** Errors of patient portal invitations. Messages never name the patient. */
export const invitationNotFound = () => new AppError('invitation.not_found', 404, 'This invitation link is not valid.');
export const invitationExpired = () =>
  new AppError('invitation.expired', 410, 'This invitation link has expired. Ask the clinic for a new one.');
export const invitationUsed = () => conflict('invitation.used', 'This invitation link was already used. Sign in instead.');
export const invitationVerificationFailed = () =>
  new AppError('invitation.verification_failed', 400, 'The date of birth does not match our record. Check it or call the clinic.');
export const patientAlreadyLinked = () => conflict('patient.already_linked', 'That patient already has a portal account.');
export const emailTaken = () => conflict('user.email_taken', 'A user with that email already exists.');
