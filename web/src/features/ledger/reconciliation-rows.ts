/**
 * Shapes the reconciliation answer for display without knowing each section in advance: scalar fields become facts,
 * arrays of objects become tables whose cells are text (nested objects flattened one level with dotted names).
 */
export interface ReconciliationSection {
  name: string;
  columns: string[];
  rows: Record<string, string>[];
}

export function splitReconciliation(data: Record<string, unknown>): { facts: [string, string][]; sections: ReconciliationSection[] } {
  const facts: [string, string][] = [];
  const sections: ReconciliationSection[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value)) sections.push(toSection(key, value));
    else if (value !== null && typeof value === 'object') {
      for (const [inner, innerValue] of Object.entries(value)) {
        if (Array.isArray(innerValue)) sections.push(toSection(`${key} ${inner}`, innerValue));
        else facts.push([`${key} ${inner}`, toText(innerValue)]);
      }
    } else facts.push([key, toText(value)]);
  }
  return { facts, sections };
}

function toSection(name: string, items: unknown[]): ReconciliationSection {
  const rows = items.map((item) => flatten(item));
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return { name, columns, rows };
}

function flatten(item: unknown): Record<string, string> {
  if (item === null || typeof item !== 'object') return { value: toText(item) };
  const row: Record<string, string> = {};
  for (const [key, value] of Object.entries(item)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) row[`${key}.${inner}`] = toText(innerValue);
    } else row[key] = toText(value);
  }
  return row;
}

function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** `countsVsBook` -> `Counts vs book`, `lot.lotNumber` -> `Lot lot number`. */
export function labelFor(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
