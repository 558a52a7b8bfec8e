import type { ContainerRow, LotRow, RegistrationRow } from '../../db/repositories/ledger.repository.ts';
import {
  type Amount,
  checkUnitFits,
  checkWholeDevices,
  type LedgerProductForm,
  roundAmount,
  toAmount,
} from '../../domain/ledger/quantities.ts';
import type { QuantityInput, SourceInput } from '../../domain/ledger/transaction-input.ts';
import type { Repositories } from '../deps.ts';
import { validationFailed } from '../errors.ts';
import { containerNotFound, insufficientStock, locationNotFound, lotExpired, lotNotFound, unitMismatch } from './ledger.errors.ts';

/** Where a movement lands: sealed stock (containerId '') or an opened container, with its lot. */
export interface Bucket {
  lot: LotRow;
  locationId: string;
  containerId: string;
  container: ContainerRow | null;
}

export const lotMeasure = (lot: LotRow) => ({
  containerVolumeMl: Number(lot.containerVolumeMl),
  concentrationMgPerMl: Number(lot.concentrationMgPerMl),
});
export const negate = (a: Amount): Amount => ({ containers: -a.containers, ml: -a.ml, mg: -a.mg });

/** A bucket's stored decimal strings (a balance row or a sum of lines) as numbers. */
export const toBucketAmounts = (b: {
  lotId: string;
  locationId: string;
  containerId: string;
  containers: string;
  ml: string;
  mg: string;
}) => ({
  lotId: b.lotId,
  locationId: b.locationId,
  containerId: b.containerId,
  containers: Number(b.containers),
  ml: Number(b.ml),
  mg: Number(b.mg),
});

/** The line that takes `amount` out of a bucket. */
export const drawLine = (bucket: Bucket, amount: Amount) => ({
  lotId: bucket.lot.id,
  locationId: bucket.locationId,
  containerId: bucket.containerId,
  delta: negate(amount),
});

/** Lookups scoped to one registration: an id from another registration answers "not found". */
export function createStockResolver(registration: RegistrationRow, repos: Repositories, today: string) {
  return {
    async lot(lotId: string): Promise<LotRow> {
      const lot = await repos.ledger.findLot(lotId);
      if (!lot || lot.registrationId !== registration.id) throw lotNotFound();
      return lot;
    },
    async location(locationId: string): Promise<string> {
      const locations = await repos.ledger.listLocations(registration.id);
      if (!locations.some((l) => l.id === locationId)) throw locationNotFound();
      return locationId;
    },
    async container(containerId: string): Promise<Bucket> {
      const container = await repos.ledger.findContainer(containerId);
      if (!container || container.registrationId !== registration.id) throw containerNotFound();
      return { lot: (await repos.ledger.findLot(container.lotId))!, locationId: container.locationId, containerId, container };
    },
    async source(source: SourceInput): Promise<Bucket> {
      if ('containerId' in source) return this.container(source.containerId);
      return { lot: await this.lot(source.lotId), locationId: await this.location(source.locationId), containerId: '', container: null };
    },
    /** Refuses an expired lot for use (administration, dispensing, opening); it may still be returned or destroyed. */
    requireUnexpired(lot: LotRow) {
      if (lot.expiresOn < today) throw lotExpired(lot.expiresOn);
    },
    /**
     * A quantity as containers, mL and mg for the bucket's lot; sealed stock moves in whole containers. Taking the
     * whole of an opened container takes its exact balance, so rounding never leaves or overdraws a thousandth.
     */
    async amount(quantity: QuantityInput, bucket: Bucket, field: string, held?: Amount): Promise<Amount> {
      // The HTTP schema refuses these too, but postAdministration (treatment sessions) arrives without it.
      if (!(quantity.value > 0) || !Number.isFinite(quantity.value))
        throw validationFailed([{ path: `${field}.value`, message: 'must be a number greater than 0' }]);
      const form = bucket.lot.form as LedgerProductForm;
      const unitProblem = checkUnitFits(quantity.unit, form);
      if (unitProblem) throw unitMismatch(`${field}.unit`, unitProblem);
      const amount = roundAmount(toAmount(quantity.value, quantity.unit, lotMeasure(bucket.lot)));
      const deviceProblem = checkWholeDevices(amount, form);
      if (deviceProblem) throw unitMismatch(`${field}.value`, deviceProblem);
      if (bucket.containerId === '') {
        if (Math.abs(amount.containers - Math.round(amount.containers)) > 1e-9) {
          throw unitMismatch(`${field}.value`, 'sealed stock moves in whole containers; open a container to take part of one');
        }
        return amount;
      }
      return fitToBalance(amount, held ?? (await this.balance(bucket)));
    },
    async balance(bucket: Bucket): Promise<Amount> {
      const row = await repos.ledger.findBalance(bucket.lot.id, bucket.locationId, bucket.containerId);
      return { containers: Number(row?.containers ?? 0), ml: Number(row?.ml ?? 0), mg: Number(row?.mg ?? 0) };
    },
  };
}

/** Takes an amount from an opened container's balance; the whole remainder is taken exactly as held. */
export function fitToBalance(amount: Amount, held: Amount): Amount {
  if (amount.ml > held.ml + 0.0005) throw insufficientStock({ availableMl: held.ml });
  if (Math.abs(amount.ml - held.ml) < 0.0005) return held;
  return { containers: Math.min(amount.containers, held.containers), ml: amount.ml, mg: Math.min(amount.mg, held.mg) };
}

export type StockResolver = ReturnType<typeof createStockResolver>;
