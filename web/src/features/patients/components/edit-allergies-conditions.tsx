import { Select, TextInput } from '@mantine/core';
import { allergySchema, conditionSchema } from '../../../../../src/domain/patients/patient-record.ts';
import { todayIso } from '../../../lib/format.ts';
import type { EditForm } from '../patient-edit-form.ts';
import { EntryRow, ListEditor, optionsOf } from './edit-list.tsx';
import { Icd10Picker } from './icd10-picker.tsx';

const SEVERITIES = optionsOf(allergySchema.shape.severity.options);
const CONDITION_STATUSES = optionsOf(conditionSchema.shape.status.options);

export function AllergiesEditor({ form }: { form: EditForm }) {
  const { allergies } = form.getValues().clinical;
  return (
    <ListEditor
      legend="Allergies"
      addLabel="Add allergy"
      isEmpty={allergies.length === 0}
      onAdd={() => form.insertListItem('clinical.allergies', { substance: { display: '' }, reaction: '', severity: 'unknown' })}
    >
      {allergies.map((allergy, index) => (
        <EntryRow
          key={allergy.id ?? `new-${index}`}
          removeLabel={`Remove allergy ${allergy.substance.display}`}
          onRemove={() => form.removeListItem('clinical.allergies', index)}
          error={form.errors[`clinical.allergies.${index}`]}
        >
          <TextInput
            label="Substance"
            required
            miw={180}
            flex={1}
            {...form.getInputProps(`clinical.allergies.${index}.substance.display`)}
            // A typed change no longer matches the stored code, so the entry becomes local free text.
            onChange={(event) =>
              form.setFieldValue(`clinical.allergies.${index}.substance`, { system: 'local', display: event.currentTarget.value })
            }
          />
          <TextInput label="Reaction" miw={160} flex={1} {...form.getInputProps(`clinical.allergies.${index}.reaction`)} />
          <Select
            label="Severity"
            data={SEVERITIES}
            allowDeselect={false}
            w={130}
            {...form.getInputProps(`clinical.allergies.${index}.severity`)}
          />
        </EntryRow>
      ))}
    </ListEditor>
  );
}

export function ConditionsEditor({ form }: { form: EditForm }) {
  const { conditions } = form.getValues().clinical;
  return (
    <ListEditor
      legend="Conditions"
      addLabel="Add condition"
      isEmpty={conditions.length === 0}
      onAdd={() =>
        form.insertListItem('clinical.conditions', {
          coding: { kind: 'uncoded', code: '', display: '', text: '' },
          onsetDate: '',
          status: 'active',
        })
      }
    >
      {conditions.map((condition, index) => (
        <EntryRow
          key={condition.id ?? `new-${index}`}
          removeLabel={`Remove condition ${index + 1}`}
          onRemove={() => form.removeListItem('clinical.conditions', index)}
          error={form.errors[`clinical.conditions.${index}`]}
        >
          <Icd10Picker
            coding={condition.coding}
            onChange={(coding) => form.setFieldValue(`clinical.conditions.${index}.coding`, coding)}
            error={
              (form.errors[`clinical.conditions.${index}.coding.text`] ?? form.errors[`clinical.conditions.${index}.coding.code`]) as
                | string
                | undefined
            }
          />
          <TextInput label="Onset" type="date" max={todayIso()} {...form.getInputProps(`clinical.conditions.${index}.onsetDate`)} />
          <Select
            label="Status"
            data={CONDITION_STATUSES}
            allowDeselect={false}
            w={120}
            {...form.getInputProps(`clinical.conditions.${index}.status`)}
          />
        </EntryRow>
      ))}
    </ListEditor>
  );
}
