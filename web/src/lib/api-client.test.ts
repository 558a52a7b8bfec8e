import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';

describe('ApiError.fieldIssues', () => {
  it('reads string and array paths from details.issues', () => {
    const error = new ApiError(400, {
      code: 'validation.failed',
      message: 'Some fields are not valid.',
      details: {
        issues: [
          { path: 'demographics.birthDate', message: 'In the future' },
          { path: ['clinical', 'weights', 0], message: 'Too heavy' },
        ],
      },
    });
    expect(error.fieldIssues).toEqual([
      { path: 'demographics.birthDate', message: 'In the future' },
      { path: 'clinical.weights.0', message: 'Too heavy' },
    ]);
  });

  it('has no field issues when the server sent none', () => {
    expect(new ApiError(409, { code: 'patient.version_conflict', message: 'Changed' }).fieldIssues).toEqual([]);
  });
});
