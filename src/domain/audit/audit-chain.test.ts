import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AuditEntryFields, canonicalizeAuditEntry, findFirstChainBreak, GENESIS_HASH_HEX } from './audit-chain.ts';

/**
 * The domain takes the hash function as a parameter. Here an injective stand-in (length-prefixed concatenation)
 * replaces SHA-256, so "a change was not detected" can only mean the walk is wrong, never a collision. The real
 * sha256 path (PostgreSQL computes, node:crypto recomputes) is covered in test/db/audit-tamper.test.ts.
 */
const injectiveHash = (previousHashHex: string, payload: string) => `${previousHashHex.length}:${previousHashHex}${payload}`;

type Entry = AuditEntryFields & { hashHex: string };

function buildChain(fields: Omit<AuditEntryFields, 'seq'>[]): Entry[] {
  let previous = GENESIS_HASH_HEX;
  return fields.map((f, i) => {
    const entry = { ...f, seq: i + 1 };
    previous = injectiveHash(previous, canonicalizeAuditEntry(entry));
    return { ...entry, hashHex: previous };
  });
}

const headOf = (chain: Entry[]) => ({ seq: chain.at(-1)!.seq, hashHex: chain.at(-1)!.hashHex });

const sampleFields = (n: number): Omit<AuditEntryFields, 'seq'>[] =>
  Array.from({ length: n }, (_, i) => ({
    clinicId: 'clinic-a',
    at: `2026-03-0${i + 1}T10:00:00.000Z`,
    actorId: 'user-1',
    actorRole: 'nurse',
    patientId: i % 2 === 0 ? `patient-${i}` : null,
    action: 'read',
    resource: `patient/patient-${i}/v1`,
    requestId: `req-${i}`,
  }));

describe('canonicalizeAuditEntry', () => {
  it('joins the version tag and every field with U+001F in a fixed order', () => {
    const text = canonicalizeAuditEntry({
      clinicId: 'c1',
      seq: 42,
      at: '2026-03-01T10:00:00.000Z',
      actorId: 'u1',
      actorRole: 'physician',
      patientId: 'p1',
      action: 'update',
      resource: 'patient/p1/v2',
      requestId: 'r1',
    });
    expect(text).toBe(
      ['v1', 'c1', '42', '2026-03-01T10:00:00.000Z', 'u1', 'physician', 'p1', 'update', 'patient/p1/v2', 'r1'].join('\u001f'),
    );
  });

  it('writes a missing patient id as an empty field', () => {
    const [entry] = sampleFields(2).slice(1);
    expect(canonicalizeAuditEntry({ ...entry!, seq: 2 }).split('\u001f')[6]).toBe('');
  });
});

describe('findFirstChainBreak', () => {
  it('accepts an intact chain whose end matches the recorded head', () => {
    const chain = buildChain(sampleFields(5));
    expect(findFirstChainBreak(chain, headOf(chain), injectiveHash)).toBeNull();
  });

  it('accepts an empty chain without a head', () => {
    expect(findFirstChainBreak([], null, injectiveHash)).toBeNull();
  });

  it('reports hash_mismatch at an entry whose field was changed', () => {
    const chain = buildChain(sampleFields(5));
    chain[2] = { ...chain[2]!, action: 'update' };
    expect(findFirstChainBreak(chain, headOf(chain), injectiveHash)).toEqual({ clinicId: 'clinic-a', seq: 3, reason: 'hash_mismatch' });
  });

  it('reports hash_mismatch at an entry whose stored hash was replaced', () => {
    const chain = buildChain(sampleFields(5));
    chain[0] = { ...chain[0]!, hashHex: 'f'.repeat(64) };
    expect(findFirstChainBreak(chain, headOf(chain), injectiveHash)).toEqual({ clinicId: 'clinic-a', seq: 1, reason: 'hash_mismatch' });
  });

  it('reports sequence_gap naming the missing seq when a middle entry is gone', () => {
    const chain = buildChain(sampleFields(5));
    const withoutThird = chain.filter((e) => e.seq !== 3);
    expect(findFirstChainBreak(withoutThird, headOf(chain), injectiveHash)).toEqual({
      clinicId: 'clinic-a',
      seq: 3,
      reason: 'sequence_gap',
    });
  });

  it('reports sequence_gap at seq 1 when the chain does not start at 1', () => {
    const chain = buildChain(sampleFields(3));
    expect(findFirstChainBreak(chain.slice(1), headOf(chain), injectiveHash)).toMatchObject({ seq: 1, reason: 'sequence_gap' });
  });

  it('reports tail_missing at the first absent seq when the head is ahead of the entries', () => {
    const chain = buildChain(sampleFields(5));
    expect(findFirstChainBreak(chain.slice(0, 3), headOf(chain), injectiveHash)).toEqual({
      clinicId: 'clinic-a',
      seq: 4,
      reason: 'tail_missing',
    });
  });

  it('reports head_mismatch when entries run past the recorded head', () => {
    const chain = buildChain(sampleFields(5));
    const head = { seq: 4, hashHex: chain[3]!.hashHex };
    expect(findFirstChainBreak(chain, head, injectiveHash)).toEqual({ clinicId: 'clinic-a', seq: 4, reason: 'head_mismatch' });
  });

  it('reports head_mismatch when the head hash differs from the last entry', () => {
    const chain = buildChain(sampleFields(5));
    const head = { seq: 5, hashHex: chain[3]!.hashHex };
    expect(findFirstChainBreak(chain, head, injectiveHash)).toEqual({ clinicId: 'clinic-a', seq: 5, reason: 'head_mismatch' });
  });

  it('reports a rewritten chain (all hashes recomputed) against the untouched head', () => {
    const fields = sampleFields(4);
    const rewritten = buildChain(fields.map((f, i) => (i === 1 ? { ...f, actorId: 'someone-else' } : f)));
    const original = buildChain(fields);
    expect(findFirstChainBreak(rewritten, headOf(original), injectiveHash)).toMatchObject({ seq: 4, reason: 'head_mismatch' });
  });

  // Any field may be tampered with; \u001f is excluded because fields never contain the separator (see canonicalizeAuditEntry).
  const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('\u001f'));
  const entryFields = fc.record({
    clinicId: fc.constant('clinic-p'),
    at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    actorId: text,
    actorRole: fc.constantFrom('admin', 'physician', 'nurse', 'front_desk', 'patient'),
    patientId: fc.option(text, { nil: null }),
    action: text,
    resource: text,
    requestId: text,
  });
  const fieldNames = ['clinicId', 'seq', 'at', 'actorId', 'actorRole', 'patientId', 'action', 'resource', 'requestId', 'hashHex'] as const;

  it('detects any single-field change of any entry at that entry', () => {
    fc.assert(
      fc.property(
        fc.array(entryFields, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom(...fieldNames),
        text,
        (fields, index, field, replacement) => {
          const chain = buildChain(fields);
          const head = headOf(chain);
          const target = index % chain.length;
          const original = chain[target]!;
          const changed: Entry =
            field === 'seq' ? { ...original, seq: original.seq + 1 + (index % 3) } : { ...original, [field]: replacement };
          // A replacement equal to the original value (or null vs '' for the patient id) is no change at all.
          fc.pre(canonicalizeAuditEntry(changed) !== canonicalizeAuditEntry(original) || changed.hashHex !== original.hashHex);
          const tampered = chain.map((e, i) => (i === target ? changed : e));
          const found = findFirstChainBreak(tampered, head, injectiveHash);
          expect(found).not.toBeNull();
          expect(found!.seq).toBe(original.seq);
          expect(found!.reason).toBe(field === 'seq' ? 'sequence_gap' : 'hash_mismatch');
        },
      ),
      { numRuns: 300 },
    );
  });
});
