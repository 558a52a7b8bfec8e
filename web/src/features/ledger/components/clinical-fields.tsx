import { Checkbox, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useSession } from '../../auth/session-context.ts';
import { type FieldsProps, PatientPicker, QuantityFor, QuantityInput, SourceSelect, sourceForm } from './field-widgets.tsx';

/** Administration (with an optional wasted remainder) and take-home dispensing: the two entries that name a patient. */
export function AdministrationFields(props: FieldsProps) {
  const form = sourceForm(props);
  return (
    <Stack>
      <PatientPicker {...props} />
      <SourceSelect {...props} options={{ forms: ['vial', 'nasal-device', 'compounded-oral'] }} />
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
      <Textarea
        label="Note"
        value={props.draft.note}
        onChange={(e) => props.set('note', e.currentTarget.value)}
        error={props.errors.note}
        autosize
        minRows={1}
      />
    </Stack>
  );
}

export function DispensingFields(props: FieldsProps) {
  const me = useSession();
  const isPhysician = me.clinics.find((c) => c.id === me.activeClinicId)?.roles.includes('physician') ?? false;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Take-home compounded oral or sublingual preparations only. Esketamine is never dispensed for use at home.
      </Text>
      <PatientPicker {...props} />
      <SourceSelect {...props} options={{ forms: ['compounded-oral'] }} />
      <QuantityFor {...props} label="Quantity dispensed" />
      {isPhysician ? (
        <Checkbox
          label={`I am the prescriber (${me.user.name})`}
          checked={props.draft.prescriberUserId === me.user.id}
          onChange={(e) => props.set('prescriberUserId', e.currentTarget.checked ? me.user.id : '')}
          error={props.errors.prescriberUserId}
        />
      ) : (
        <TextInput
          label="Prescriber user id"
          description="The prescribing physician's KetaClinic user id"
          required
          value={props.draft.prescriberUserId}
          onChange={(e) => props.set('prescriberUserId', e.currentTarget.value)}
          error={props.errors.prescriberUserId}
        />
      )}
      <Textarea
        label="Directions"
        required
        value={props.draft.directions}
        onChange={(e) => props.set('directions', e.currentTarget.value)}
        error={props.errors.directions}
      />
    </Stack>
  );
}
