/**
 * Log redaction: nothing that identifies a patient, and no credentials, reaches the log (STYLE.md).
 * Request bodies are never logged; these paths cover headers and any object a handler might log.
 */
export const LOG_REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.email',
  '*.givenName',
  '*.familyName',
  '*.birthDate',
  '*.mrn',
  '*.phone',
  '*.address',
  '*.note',
  '*.summary',
  // Candidacy (issue 4): self-check contact and answers, evaluation findings, override justifications.
  '*.contact',
  '*.answers',
  '*.findings',
  '*.justification',
];
