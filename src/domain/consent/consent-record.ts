/**
 * What a consent signature binds (issue 4, item 4). Pure: the app layer hashes the strings these functions build
 * (SHA-256, node:crypto) and passes the hash function in where a function needs one.
 */
export type RouteGroup = 'iv_infusion' | 'esketamine_nasal' | 'oral_sublingual' | 'im_sc';
export const ROUTE_GROUPS: readonly RouteGroup[] = ['iv_infusion', 'esketamine_nasal', 'oral_sublingual', 'im_sc'];

export type SignerCapacity = 'patient' | 'legal_representative';

/** A hex SHA-256 (or any digest) of a UTF-8 string, injected by the caller. */
export type HashHex = (text: string) => string;

/**
 * The exact text a signer is shown, canonicalised: Unicode NFC and LF line endings.
 * NFC (UAX #15) makes "é" typed as one code point or as "e" + combining accent hash alike.
 */
export function normalizeConsentText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** The hash of the text as shown: `hash(normalizeConsentText(text))`. Stable across normalisation forms and CRLF. */
export function hashConsentText(text: string, hash: HashHex): string {
  return hash(normalizeConsentText(text));
}

export interface ConsentRecordInput {
  templateId: string;
  templateVersion: number;
  textSha256: string;
  patientId: string;
  signerName: string;
  signerCapacity: SignerCapacity;
  representativeRelationship: string | null;
  /** ISO 8601 UTC with milliseconds (Date.toISOString()). */
  signedAtIso: string;
  signatureSha256: string;
}

/**
 * The canonical payload the record hash is taken over: a JSON array in a fixed field order (so key order can
 * never change the hash), the signer's name NFC-normalised and trimmed. Prefixed with a format tag for later versions.
 */
export function buildConsentRecordPayload(input: ConsentRecordInput): string {
  return JSON.stringify([
    'ketaclinic.consent.v1',
    input.templateId,
    input.templateVersion,
    input.textSha256,
    input.patientId,
    input.signerName.normalize('NFC').trim(),
    input.signerCapacity,
    input.representativeRelationship?.normalize('NFC').trim() ?? null,
    input.signedAtIso,
    input.signatureSha256,
  ]);
}

/** The record hash: `hash(buildConsentRecordPayload(input))`; any change of text, patient, signer, time or signature changes it. */
export function hashConsentRecord(input: ConsentRecordInput, hash: HashHex): string {
  return hash(buildConsentRecordPayload(input));
}
