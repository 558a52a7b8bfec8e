import { AppError } from './errors.ts';

/** Errors of user and clinic administration. */
export const cannotGrantSelf = () =>
  new AppError('user.cannot_grant_self', 403, 'You cannot give yourself a role. Ask another admin to grant it.');
