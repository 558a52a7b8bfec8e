import { Group, Select, SimpleGrid, Textarea, type TextareaProps, TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { listPatients, patientKeys } from '../../patients/patients.api.ts';
import type { LedgerForm, QuantityUnit, Stock } from '../ledger.api.ts';
import { decodeSource, listSourceOptions } from '../stock-view-model.ts';
import type { TransactionDraft } from '../transaction-draft.ts';

/** Shared inputs of the transaction forms. Each takes the draft, a setter and the errors keyed by API path. */
export interface FieldsProps {
  draft: TransactionDraft;
  set: <K extends keyof TransactionDraft>(key: K, value: TransactionDraft[K]) => void;
  errors: Record<string, string>;
  stock: Stock;
}

/** Draft fields that hold free text (not a choice among a few values). */
export type DraftTextKey = { [K in keyof TransactionDraft]: string extends TransactionDraft[K] ? K : never }[keyof TransactionDraft];

/** A draft field bound to an input: its value, its setter and its error (by `errorKey`, else the field's own path). */
type DraftBinding = Omit<FieldsProps, 'stock'> & { stock?: Stock; field: DraftTextKey; errorKey?: string };

function bindDraft({ field, errorKey = field, draft, set, errors }: DraftBinding) {
  return {
    value: draft[field],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(field, e.currentTarget.value),
    error: errors[errorKey],
  };
}

export function DraftTextInput({
  field,
  errorKey,
  draft,
  set,
  errors,
  stock,
  ...input
}: DraftBinding & Omit<TextInputProps, 'value' | 'onChange' | 'error'>) {
  return <TextInput {...input} {...bindDraft({ field, errorKey, draft, set, errors })} />;
}

export function DraftTextarea({
  field,
  errorKey,
  draft,
  set,
  errors,
  stock,
  ...input
}: DraftBinding & Omit<TextareaProps, 'value' | 'onChange' | 'error'>) {
  return <Textarea {...input} {...bindDraft({ field, errorKey, draft, set, errors })} />;
}

export function firstError(errors: Record<string, string>, ...paths: string[]): string | undefined {
  for (const path of paths) if (errors[path]) return errors[path];
  return undefined;
}

/** Where the stock comes from: an opened container or sealed stock of a lot at a location. */
export function SourceSelect({
  label = 'Source',
  field = 'source',
  errorPaths = ['source', 'source.containerId', 'source.lotId'],
  draft,
  set,
  errors,
  stock,
  options,
}: FieldsProps & {
  label?: string;
  field?: 'source' | 'lotSource';
  errorPaths?: string[];
  options?: Parameters<typeof listSourceOptions>[1];
}) {
  const choices = listSourceOptions(stock, options);
  return (
    <Select
      label={label}
      required
      data={choices.map(({ value, label: text }) => ({ value, label: text }))}
      value={draft[field] || null}
      onChange={(value) => set(field, value ?? '')}
      error={firstError(errors, ...errorPaths)}
      nothingFoundMessage="No stock to choose from"
      placeholder={choices.length === 0 ? 'No stock to choose from' : 'Choose'}
      searchable
      comboboxProps={{ width: 'target' }}
    />
  );
}

const UNIT_LABELS: Record<QuantityUnit, string> = { container: 'containers', mL: 'mL', mg: 'mg' };

/** An amount with its unit; nasal devices are counted whole (the server refuses a fraction). */
export function QuantityInput({
  label,
  valueKey,
  unitKey,
  errorPaths,
  draft,
  set,
  errors,
  form,
  required = true,
}: Omit<FieldsProps, 'stock'> & {
  label: string;
  valueKey: 'quantity' | 'wasted';
  unitKey: 'unit' | 'wastedUnit';
  errorPaths: string[];
  form?: LedgerForm;
  required?: boolean;
}) {
  const units: QuantityUnit[] = form === 'nasal-device' ? ['container', 'mg'] : ['mL', 'mg', 'container'];
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        label={label}
        required={required}
        inputMode="decimal"
        value={draft[valueKey]}
        onChange={(e) => set(valueKey, e.currentTarget.value)}
        error={firstError(errors, ...errorPaths)}
        style={{ flex: 1 }}
      />
      <Select
        label="Unit"
        aria-label={`${label} unit`}
        data={units.map((u) => ({ value: u, label: UNIT_LABELS[u] }))}
        value={draft[unitKey]}
        onChange={(value) => value && set(unitKey, value as QuantityUnit)}
        allowDeselect={false}
        w={120}
      />
    </Group>
  );
}

/** Name, address and DEA registration number of a supplier or recipient. */
export function PartyFields({ who, draft, set, errors }: Omit<FieldsProps, 'stock'> & { who: 'supplier' | 'recipient' }) {
  const bound = { draft, set, errors };
  const keys =
    who === 'supplier'
      ? ({ name: 'supplierName', address: 'supplierAddress', dea: 'supplierDeaNumber' } as const)
      : ({ name: 'recipientName', address: 'recipientAddress', dea: 'recipientDeaNumber' } as const);
  const title = who === 'supplier' ? 'Supplier' : 'Recipient';
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <DraftTextInput {...bound} label={`${title} name`} required field={keys.name} errorKey={`${who}.name`} />
      <DraftTextarea {...bound} label={`${title} address`} required autosize minRows={1} field={keys.address} errorKey={`${who}.address`} />
      <DraftTextInput {...bound} label={`${title} DEA number`} required field={keys.dea} errorKey={`${who}.deaNumber`} />
    </SimpleGrid>
  );
}

/** Finds a patient by name or MRN with the patient list's search (GET /api/patients). */
export function PatientPicker({ draft, set, errors }: Omit<FieldsProps, 'stock'>) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosenLabel, setChosenLabel] = useState<{ value: string; label: string } | null>(null);
  const patients = useQuery({
    queryKey: patientKeys.list(debounced, 1),
    queryFn: () => listPatients({ query: debounced, page: 1 }),
    enabled: debounced.trim().length >= 2,
  });
  const found = (patients.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.familyName}, ${p.givenName} (${p.mrn})` }));
  const data = chosenLabel && !found.some((o) => o.value === chosenLabel.value) ? [chosenLabel, ...found] : found;
  return (
    <Select
      label="Patient"
      required
      searchable
      placeholder="Type a name or MRN"
      data={data}
      value={draft.patientId || null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(value, option) => {
        set('patientId', value ?? '');
        setChosenLabel(value && option ? { value, label: option.label } : null);
      }}
      nothingFoundMessage={
        debounced.trim().length < 2 ? 'Type at least 2 letters' : patients.isFetching ? 'Searching…' : 'No patient found'
      }
      error={errors.patientId}
    />
  );
}

/** The product form of the chosen source (nasal devices are counted whole). */
export function sourceForm(props: FieldsProps) {
  const source = decodeSource(props.draft.source);
  if (!source) return undefined;
  const balance = props.stock.balances.find((b) =>
    'containerId' in source
      ? b.containerId === source.containerId
      : !b.containerId && b.lotId === source.lotId && b.locationId === source.locationId,
  );
  return props.stock.lots.find((lot) => lot.id === balance?.lotId)?.form;
}

/** The quantity of a transaction (`quantity` in the API) with units that fit the source. */
export function QuantityFor(props: FieldsProps & { label: string }) {
  return (
    <QuantityInput
      {...props}
      valueKey="quantity"
      unitKey="unit"
      errorPaths={['quantity.value', 'quantity', 'quantity.unit']}
      form={sourceForm(props)}
    />
  );
}
