import type { DrugLibrary } from './pharmacology.api.ts';

/**
 * What a draft changes against the approved library, for the physician who approves it: products, profiles,
 * entries and every limit bound (soft/hard, min/max) that was added, removed or changed.
 */

export interface LibraryChange {
  /** "pain-clinic-iv / ketamine-iv-pain", or "products". */
  where: string;
  what: string;
  change: string;
}

type Limit = DrugLibrary['profiles'][number]['entries'][number]['limits'][number];
const BOUNDS = ['hardMin', 'softMin', 'softMax', 'hardMax'] as const;

/** JSON with sorted keys: the stored library may come back with its keys in another order (jsonb). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

const show = (value: unknown) => (value === undefined ? 'none' : JSON.stringify(value));

/** Limits keyed by kind, unit and their order among limits of that kind and unit. */
function keyLimits(limits: readonly Limit[]): Map<string, Limit> {
  const seen = new Map<string, number>();
  const keyed = new Map<string, Limit>();
  for (const limit of limits) {
    const base = `${limit.kind} ${limit.unit}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    keyed.set(n === 1 ? base : `${base} #${n}`, limit);
  }
  return keyed;
}

function diffLimits(where: string, before: readonly Limit[], after: readonly Limit[]): LibraryChange[] {
  const changes: LibraryChange[] = [];
  const a = keyLimits(before);
  const b = keyLimits(after);
  for (const [key, limit] of b) {
    const old = a.get(key);
    if (!old) {
      changes.push({ where, what: `${key} limit`, change: `added: ${describeBounds(limit)}` });
      continue;
    }
    for (const bound of BOUNDS) {
      if (old[bound] !== limit[bound])
        changes.push({ where, what: `${key} ${bound}`, change: `${show(old[bound])} → ${show(limit[bound])}` });
    }
    if (old.verified !== limit.verified) changes.push({ where, what: `${key} verified`, change: `${old.verified} → ${limit.verified}` });
    if (old.source !== limit.source) changes.push({ where, what: `${key} source`, change: 'changed' });
  }
  for (const [key, limit] of a) {
    if (!b.has(key)) changes.push({ where, what: `${key} limit`, change: `removed (was ${describeBounds(limit)})` });
  }
  return changes;
}

export function describeBounds(limit: Limit): string {
  const parts = BOUNDS.filter((bound) => limit[bound] !== undefined).map((bound) => `${bound} ${limit[bound]}`);
  return `${parts.join(', ')} ${limit.unit}`;
}

function diffById<T extends { id: string }>(
  where: string,
  before: readonly T[],
  after: readonly T[],
  label: string,
  compare: (old: T, next: T) => LibraryChange[],
): LibraryChange[] {
  const changes: LibraryChange[] = [];
  for (const item of after) {
    const old = before.find((candidate) => candidate.id === item.id);
    if (!old) changes.push({ where, what: `${label} ${item.id}`, change: 'added' });
    else changes.push(...compare(old, item));
  }
  for (const item of before) {
    if (!after.some((candidate) => candidate.id === item.id)) changes.push({ where, what: `${label} ${item.id}`, change: 'removed' });
  }
  return changes;
}

/** Every difference between two libraries that matters for a dose check. */
export function diffLibraries(before: DrugLibrary, after: DrugLibrary): LibraryChange[] {
  const changes = diffById('products', before.products, after.products, 'product', (old, next) =>
    same(old, next) ? [] : [{ where: 'products', what: `product ${next.id}`, change: 'changed' }],
  );
  if (!same(before.weightKgRange, after.weightKgRange)) {
    changes.push({
      where: 'library',
      what: 'weight range',
      change: `${before.weightKgRange.min}-${before.weightKgRange.max} → ${after.weightKgRange.min}-${after.weightKgRange.max} kg`,
    });
  }
  changes.push(
    ...diffById('profiles', before.profiles, after.profiles, 'profile', (oldProfile, profile) =>
      diffById(profile.id, oldProfile.entries, profile.entries, 'entry', (oldEntry, entry) => {
        const where = `${profile.id} / ${entry.id}`;
        const { limits: oldLimits, ...oldRest } = oldEntry;
        const { limits, ...rest } = entry;
        const settings = same(oldRest, rest) ? [] : [{ where, what: 'entry settings', change: 'changed' }];
        return [...settings, ...diffLimits(where, oldLimits, limits)];
      }),
    ),
  );
  return changes;
}
