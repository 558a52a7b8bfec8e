import type { Role } from '../auth/auth.api.ts';

/** Who registers patients and edits records (issue 2); the server checks again and answers 403 otherwise. */
export const PATIENT_REGISTRATION_ROLES: readonly Role[] = ['front_desk', 'nurse', 'physician'];
export const PATIENT_EDIT_ROLES: readonly Role[] = ['front_desk', 'nurse', 'physician'];
/** Clinical content (medications, conditions, history) is for clinicians; the server sends it only to them. */
export const CLINICAL_ROLES: readonly Role[] = ['nurse', 'physician'];
