import { AppError } from '../app/errors.ts';

/** Errors of the HTTP edge itself: hosts and origins we do not answer to. */
export const hostRefused = () =>
  new AppError('request.unknown_host', 421, 'This server does not answer to that host name. Use the address your clinic published.');
export const originRefused = () =>
  new AppError('auth.csrf_rejected', 403, 'Cross-site request refused: the Origin does not match this server.');
