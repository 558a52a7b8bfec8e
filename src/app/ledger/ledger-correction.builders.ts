import type { StoredEntry } from '../../db/repositories/ledger.repository.ts';
import { findClinicRole } from '../../domain/access/permissions.ts';
import { CORRECTABLE_KINDS } from '../../domain/ledger/ledger-entry.ts';
import type { TransactionInput } from '../../domain/ledger/transaction-input.ts';
import { forbidden } from '../errors.ts';
import { alreadyCorrected, entryNotFound, notCorrectable } from './ledger.errors.ts';
import type { NewLedgerEntry } from './ledger-posting.ts';
import type { Batch, BuildContext } from './ledger-transactions.usecases.ts';
import { witnessDetails } from './witnesses.ts';

/** The entry that exactly undoes `original`: every line negated, same buckets. */
function reversalOf(original: StoredEntry, details: NewLedgerEntry['details']): NewLedgerEntry {
  return {
    kind: 'correction',
    occurredAt: '',
    patientId: original.patientId,
    reversesEntryId: original.id,
    details: { ...details, reversedKind: original.kind, reversedSeq: original.seq },
    lines: original.lines.map((l) => ({
      lotId: l.lotId,
      locationId: l.locationId,
      containerId: l.containerId,
      delta: { containers: -Number(l.deltaContainers), ml: -Number(l.deltaMl), mg: -Number(l.deltaMg) },
    })),
  };
}

/**
 * A correction never edits: it is a new entry reversing every line of a named earlier entry, with a reason and a
 * second signer (issue 5, item 3). A distribution kept in both chains is reversed in both. The right figures, if any,
 * are then recorded as a new ordinary entry.
 */
export async function buildCorrection(input: Extract<TransactionInput, { kind: 'correction' }>, c: BuildContext): Promise<Batch> {
  const original = await c.repos.ledger.findEntry(input.reversesEntryId);
  if (!original || original.registrationId !== c.registration.id) throw entryNotFound();
  if (!CORRECTABLE_KINDS.has(original.kind)) throw notCorrectable();
  if (await c.repos.ledger.findCorrectionOf(original.id)) throw alreadyCorrected();
  const details = { reason: input.reason, secondSigner: witnessDetails(c.witnesses)[0] };
  const batch: Batch = [{ registrationId: c.registration.id, entry: { ...reversalOf(original, details), occurredAt: c.occurredAt } }];
  const linkedId = (JSON.parse(original.detailsJson) as { linkedEntryId?: string | null }).linkedEntryId;
  const linked = linkedId ? await c.repos.ledger.findEntry(linkedId) : undefined;
  if (linked && !(await c.repos.ledger.findCorrectionOf(linked.id))) {
    if (linked.registrationId !== c.registration.id && c.actor) {
      // The other side lives in another registration's chain: the actor must be allowed to correct there too.
      const other = await c.repos.ledger.findRegistration(linked.registrationId);
      if (!other || !findClinicRole(c.actor, 'ledger.correct', other.clinicId))
        throw forbidden("correct the recipient registration's side");
    }
    batch.push({ registrationId: linked.registrationId, entry: { ...reversalOf(linked, details), occurredAt: c.occurredAt } });
  }
  return batch;
}
