import { describe, expect, it } from 'vitest';
import { type ConsentRecordInput, hashConsentRecord, hashConsentText, normalizeConsentText } from './consent-record.ts';
import { computeConsentStatus, needsReconsent } from './consent-status.ts';
import { DEFAULT_CONSENT_TEMPLATES } from './default-templates.ts';

/** The identity stands in for SHA-256 (the domain may not import node:crypto): equal hashes mean equal inputs. */
const sha256 = (text: string) => text;

const record: ConsentRecordInput = {
  templateId: 'iv-infusion-pain',
  templateVersion: 1,
  textSha256: 'a'.repeat(64),
  patientId: 'p-1',
  signerName: 'Zoë Müller',
  signerCapacity: 'patient',
  representativeRelationship: null,
  signedAtIso: '2026-11-22T10:00:00.000Z',
  signatureSha256: 'b'.repeat(64),
};

describe('consent text hashing', () => {
  it('hashes NFC and NFD spellings of the same text alike', () => {
    const nfc = 'Risques: nausée, vertige'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(hashConsentText(nfd, sha256)).toBe(hashConsentText(nfc, sha256));
  });

  it('treats CRLF and LF line endings alike but not different words', () => {
    expect(normalizeConsentText('a\r\nb\rc')).toBe('a\nb\nc');
    expect(hashConsentText('a\r\nb', sha256)).toBe(hashConsentText('a\nb', sha256));
    expect(hashConsentText('a\nb', sha256)).not.toBe(hashConsentText('a\nc', sha256));
  });
});

describe('consent record hash', () => {
  const base = hashConsentRecord(record, sha256);
  it.each<[string, Partial<ConsentRecordInput>]>([
    ['signer name', { signerName: 'Someone Else' }],
    ['capacity', { signerCapacity: 'legal_representative', representativeRelationship: 'mother' }],
    ['signed-at time', { signedAtIso: '2026-11-22T10:00:00.001Z' }],
    ['signature', { signatureSha256: 'c'.repeat(64) }],
    ['text', { textSha256: 'd'.repeat(64) }],
    ['patient', { patientId: 'p-2' }],
    ['template version', { templateVersion: 2 }],
  ])('changes with the %s', (_label, change) => {
    expect(hashConsentRecord({ ...record, ...change }, sha256)).not.toBe(base);
  });

  it('is stable for the same signer name in another normalisation form', () => {
    expect(hashConsentRecord({ ...record, signerName: record.signerName.normalize('NFD') }, sha256)).toBe(base);
  });
});

describe('needsReconsent', () => {
  it.each<[string, number[], { version: number; materialChange: boolean }[], boolean]>([
    ['never signed', [], [{ version: 1, materialChange: true }], true],
    ['signed the only version', [1], [{ version: 1, materialChange: true }], false],
    [
      'an editorial version since',
      [1],
      [
        { version: 1, materialChange: true },
        { version: 2, materialChange: false },
      ],
      false,
    ],
    [
      'a material version since',
      [1],
      [
        { version: 1, materialChange: true },
        { version: 2, materialChange: false },
        { version: 3, materialChange: true },
      ],
      true,
    ],
    [
      'signed after the material version',
      [1, 3],
      [
        { version: 1, materialChange: true },
        { version: 3, materialChange: true },
        { version: 4, materialChange: false },
      ],
      false,
    ],
  ])('%s -> %s', (_label, signed, versions, expected) => {
    expect(needsReconsent(signed, versions)).toBe(expected);
  });
});

describe('computeConsentStatus', () => {
  const versions = [{ version: 1, materialChange: true }];
  const at = (iso: string) => new Date(iso);
  it('is missing without a signature, current after one', () => {
    expect(computeConsentStatus({ routeGroup: 'iv_infusion', templateVersions: versions, signatures: [], withdrawals: [] })).toBe(
      'missing',
    );
    const signatures = [{ version: 1, signedAt: at('2026-01-01T00:00:00Z') }];
    expect(computeConsentStatus({ routeGroup: 'iv_infusion', templateVersions: versions, signatures, withdrawals: [] })).toBe('current');
  });

  it('is withdrawn after a withdrawal, and current again after a later signature', () => {
    const signatures = [{ version: 1, signedAt: at('2026-01-01T00:00:00Z') }];
    const withdrawals = [{ withdrawnAt: at('2026-02-01T00:00:00Z') }];
    expect(computeConsentStatus({ routeGroup: 'iv_infusion', templateVersions: versions, signatures, withdrawals })).toBe('withdrawn');
    const again = [...signatures, { version: 1, signedAt: at('2026-03-01T00:00:00Z') }];
    expect(computeConsentStatus({ routeGroup: 'iv_infusion', templateVersions: versions, signatures: again, withdrawals })).toBe('current');
  });

  it('asks for re-consent after a material change', () => {
    const signatures = [{ version: 1, signedAt: at('2026-01-01T00:00:00Z') }];
    const templateVersions = [...versions, { version: 2, materialChange: true }];
    expect(computeConsentStatus({ routeGroup: 'iv_infusion', templateVersions, signatures, withdrawals: [] })).toBe('reconsent_required');
  });
});

describe('default consent templates', () => {
  it('cover each route group once and carry every required section and the legal-review note', () => {
    expect(new Set(DEFAULT_CONSENT_TEMPLATES.map((t) => t.routeGroup)).size).toBe(4);
    for (const t of DEFAULT_CONSENT_TEMPLATES) {
      for (const section of [
        'OFF-LABEL USE',
        'RISKS AND SIDE EFFECTS',
        'CONTROLLED SUBSTANCE',
        'Schedule III',
        'NO DRIVING',
        'ESCORT HOME',
        'LEGAL REVIEW',
      ]) {
        expect(t.body).toContain(section);
      }
      expect(t.body).toMatch(/cystitis/);
    }
    expect(DEFAULT_CONSENT_TEMPLATES.find((t) => t.routeGroup === 'esketamine_nasal')!.body).toContain('at least 2 hours');
  });
});
