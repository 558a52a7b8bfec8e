import { Checkbox, NumberInput, Select, TextInput } from '@mantine/core';
import { medicationSchema } from '../../../../../src/domain/patients/patient-record.ts';
import type { EditForm } from '../patient-edit-form.ts';
import { EntryRow, ListEditor, optionsOf } from './edit-list.tsx';

const STRENGTH_UNITS = [...medicationSchema.shape.strength.shape.unit.options];
const FORMS = optionsOf(medicationSchema.shape.form.options);
const ROUTES = optionsOf(medicationSchema.shape.route.options);

/** Enough per medication for the MME calculation and the interaction rules; stop a medication rather than delete it. */
export function MedicationsEditor({ form }: { form: EditForm }) {
  const { medications } = form.getValues().clinical;
  return (
    <ListEditor
      legend="Medications"
      addLabel="Add medication"
      isEmpty={medications.length === 0}
      onAdd={() =>
        form.insertListItem('clinical.medications', {
          ingredient: '',
          strength: { value: '', unit: 'mg' },
          form: 'tablet',
          route: 'oral',
          timesPerDay: 1,
          prn: false,
          startDate: '',
          stopDate: '',
        })
      }
    >
      {medications.map((medication, index) => {
        const path = `clinical.medications.${index}` as const;
        return (
          <EntryRow
            key={medication.id ?? `new-${index}`}
            removeLabel={`Remove medication ${medication.ingredient}`}
            onRemove={() => form.removeListItem('clinical.medications', index)}
            error={form.errors[path]}
          >
            <TextInput
              label="Ingredient"
              required
              miw={160}
              flex={1}
              {...form.getInputProps(`${path}.ingredient`)}
              // The RxNorm code belonged to the old name; a renamed entry must not keep it.
              onChange={(event) => form.setFieldValue(path, { ...medication, ingredient: event.currentTarget.value, rxcui: undefined })}
            />
            <NumberInput label="Strength" min={0} w={100} {...form.getInputProps(`${path}.strength.value`)} />
            <Select label="Unit" data={STRENGTH_UNITS} allowDeselect={false} w={90} {...form.getInputProps(`${path}.strength.unit`)} />
            <Select label="Form" data={FORMS} allowDeselect={false} w={170} {...form.getInputProps(`${path}.form`)} />
            <Select label="Route" data={ROUTES} allowDeselect={false} w={140} {...form.getInputProps(`${path}.route`)} />
            <NumberInput label="Times a day" min={0} max={24} w={100} {...form.getInputProps(`${path}.timesPerDay`)} />
            <Checkbox label="PRN (as needed)" mb={8} {...form.getInputProps(`${path}.prn`, { type: 'checkbox' })} />
            <TextInput label="Started" type="date" {...form.getInputProps(`${path}.startDate`)} />
            <TextInput label="Stopped" type="date" {...form.getInputProps(`${path}.stopDate`)} />
          </EntryRow>
        );
      })}
    </ListEditor>
  );
}
