import { NumberInput, SegmentedControl, TextInput } from '@mantine/core';
import { todayIso } from '../../../lib/format.ts';
import type { EditForm } from '../patient-edit-form.ts';
import { EntryRow, ListEditor } from './edit-list.tsx';

/** Weights in kg or lb (stored in kg by the server), heights in cm or inches (converted to cm here). */
export function MeasurementsEditor({ form }: { form: EditForm }) {
  const { weights, heights } = form.getValues().clinical;
  return (
    <>
      <ListEditor
        legend="Weights"
        addLabel="Add weight"
        isEmpty={weights.length === 0}
        onAdd={() => form.insertListItem('clinical.weights', { measuredOn: todayIso(), value: '', unit: 'kg' }, 0)}
      >
        {weights.map((weight, index) => (
          <EntryRow
            key={weight.id ?? `new-${index}`}
            removeLabel={`Remove weight of ${weight.measuredOn}`}
            onRemove={() => form.removeListItem('clinical.weights', index)}
            error={form.errors[`clinical.weights.${index}`]}
          >
            <TextInput label="Measured on" type="date" max={todayIso()} {...form.getInputProps(`clinical.weights.${index}.measuredOn`)} />
            <NumberInput label="Weight" min={0} decimalScale={1} w={110} {...form.getInputProps(`clinical.weights.${index}.value`)} />
            <SegmentedControl aria-label="Weight unit" data={['kg', 'lb']} {...form.getInputProps(`clinical.weights.${index}.unit`)} />
          </EntryRow>
        ))}
      </ListEditor>
      <ListEditor
        legend="Heights"
        addLabel="Add height"
        isEmpty={heights.length === 0}
        onAdd={() => form.insertListItem('clinical.heights', { measuredOn: todayIso(), value: '', unit: 'cm' }, 0)}
      >
        {heights.map((height, index) => (
          <EntryRow
            key={height.id ?? `new-${index}`}
            removeLabel={`Remove height of ${height.measuredOn}`}
            onRemove={() => form.removeListItem('clinical.heights', index)}
            error={form.errors[`clinical.heights.${index}`]}
          >
            <TextInput label="Measured on" type="date" max={todayIso()} {...form.getInputProps(`clinical.heights.${index}.measuredOn`)} />
            <NumberInput label="Height" min={0} decimalScale={1} w={110} {...form.getInputProps(`clinical.heights.${index}.value`)} />
            <SegmentedControl aria-label="Height unit" data={['cm', 'in']} {...form.getInputProps(`clinical.heights.${index}.unit`)} />
          </EntryRow>
        ))}
      </ListEditor>
    </>
  );
}
