import { Select, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { useSession } from '../../auth/session-context.ts';
import { usePrescribers } from '../use-ledger.ts';
import {
  DraftTextarea,
  type FieldsProps,
  firstError,
  PatientPicker,
  QuantityFor,
  QuantityInput,
  SourceSelect,
  sourceForm,
} from './field-widgets.tsx';

/** Administration (with an optional wasted remainder) and take-home dispensing: the two entries that name a patient. */
export function AdministrationFields(props: FieldsProps) {
  const form = sourceForm(props);
  return (
    <Stack>
      <PatientPicker {...props} />
      <SourceSelect {...props} options={{ forms: ['vial', 'nasal-device', 'compounded-oral'], opensVial: true }} />
      <QuantityInput
        {...props}
        label="Administered amount"
        valueKey="quantity"
        unitKey="unit"
        errorPaths={['administered.value', 'administered', 'administered.unit']}
        form={form}
      />
      <QuantityInput
        {...props}
        label="Wasted remainder"
        valueKey="wasted"
        unitKey="wastedUnit"
        errorPaths={['wasted.value', 'wasted', 'wasted.unit']}
        form={form}
        required={false}
      />
      <Text size="xs" c="dimmed">
        Leave the wasted remainder empty when the rest of the container stays in use. A remainder needs a witness.
      </Text>
      <DraftTextarea {...props} field="note" label="Note" autosize minRows={1} />
    </Stack>
  );
}

export function DispensingFields(props: FieldsProps) {
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Take-home compounded oral or sublingual preparations only. Esketamine is never dispensed for use at home.
      </Text>
      <PatientPicker {...props} />
      <SourceSelect {...props} options={{ forms: ['compounded-oral'] }} />
      <QuantityFor {...props} label="Quantity dispensed" />
      <PrescriberSelect {...props} />
      <DraftTextarea {...props} field="directions" label="Directions" required />
    </Stack>
  );
}

/** The prescribing physician, from the clinic's active physicians; a physician recording it starts as the prescriber. */
function PrescriberSelect({ draft, set, errors, stock }: FieldsProps) {
  const me = useSession();
  const prescribers = usePrescribers(stock.registration.id);
  const items = prescribers.data?.items ?? [];
  const mine = items.some((p) => p.id === me.user.id);
  const chosen = draft.prescriberUserId;
  useEffect(() => {
    // Also after a saved entry clears the form: the physician stays the prescriber of the next one.
    if (mine && !chosen) set('prescriberUserId', me.user.id);
  }, [mine, chosen, me.user.id, set]);
  return (
    <Select
      label="Prescriber"
      required
      searchable
      data={items.map((p) => ({ value: p.id, label: p.name }))}
      value={chosen || null}
      onChange={(value) => set('prescriberUserId', value ?? '')}
      error={firstError(errors, 'prescriberUserId') ?? (prescribers.isError ? describeError(prescribers.error) : undefined)}
      placeholder={prescribers.isPending ? 'Loading physicians…' : items.length === 0 ? 'No active physician in this clinic' : 'Choose'}
      nothingFoundMessage="No physician found"
      comboboxProps={{ width: 'target' }}
    />
  );
}
