import type { Role } from '../auth/auth.api.ts';

/** Who may simulate and check doses, edit library drafts and approve them (the server checks again). */
export const DOSING_ROLES: readonly Role[] = ['physician', 'nurse'];
export const LIBRARY_VIEW_ROLES: readonly Role[] = ['admin', 'physician'];
export const LIBRARY_EDIT_ROLES: readonly Role[] = ['admin'];
export const LIBRARY_APPROVE_ROLES: readonly Role[] = ['physician'];
