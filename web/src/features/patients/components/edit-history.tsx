import { Fieldset, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import {
  hepaticImpairmentSchema,
  pregnancySchema,
  psychiatricEntrySchema,
  substanceUseEntrySchema,
  treatmentTriedSchema,
} from '../../../../../src/domain/patients/patient-record.ts';
import { todayIso } from '../../../lib/format.ts';
import type { EditForm } from '../patient-edit-form.ts';
import { EntryRow, ListEditor, optionsOf } from './edit-list.tsx';

const PREGNANCY = optionsOf(pregnancySchema.shape.status.options);
const HEPATIC = optionsOf(hepaticImpairmentSchema.shape.class.options);
const TREATMENTS = optionsOf(treatmentTriedSchema.shape.category.options);
const RESULTS = optionsOf(treatmentTriedSchema.shape.result.options);
const PSYCHIATRIC = optionsOf(psychiatricEntrySchema.shape.code.options);
const PSYCHIATRIC_STATUS = optionsOf(psychiatricEntrySchema.shape.status.options);
const SUBSTANCES = optionsOf(substanceUseEntrySchema.shape.substance.options);
const SUBSTANCE_STATUS = optionsOf(substanceUseEntrySchema.shape.status.options);

export function RiskFactorsEditor({ form }: { form: EditForm }) {
  // Choosing a status dates it today unless a date is already there.
  const withDate = (section: 'pregnancy' | 'hepaticImpairment', key: 'status' | 'class') => {
    const props = form.getInputProps(`clinical.${section}.${key}`);
    return {
      ...props,
      onChange: (value: string | null) => {
        props.onChange(value ?? '');
        if (!form.getValues().clinical[section].recordedOn) form.setFieldValue(`clinical.${section}.recordedOn`, todayIso());
      },
    };
  };
  return (
    <Fieldset legend="Pregnancy and liver">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label="Pregnancy" placeholder="Not recorded" data={PREGNANCY} {...withDate('pregnancy', 'status')} />
        <TextInput label="Recorded on" type="date" max={todayIso()} {...form.getInputProps('clinical.pregnancy.recordedOn')} />
        <Select
          label="Hepatic impairment (Child-Pugh)"
          placeholder="Not recorded"
          data={HEPATIC}
          {...withDate('hepaticImpairment', 'class')}
        />
        <TextInput label="Recorded on" type="date" max={todayIso()} {...form.getInputProps('clinical.hepaticImpairment.recordedOn')} />
      </SimpleGrid>
    </Fieldset>
  );
}

export function PainHistoryEditor({ form }: { form: EditForm }) {
  const { treatmentsTried } = form.getValues().clinical.painHistory;
  return (
    <Fieldset legend="Pain history">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Onset" type="date" max={todayIso()} {...form.getInputProps('clinical.painHistory.onsetDate')} />
          <NumberInput
            label="Duration (months)"
            min={0}
            max={1200}
            allowDecimal={false}
            {...form.getInputProps('clinical.painHistory.durationMonths')}
          />
        </SimpleGrid>
        <Textarea label="Summary" autosize minRows={2} maxLength={4000} {...form.getInputProps('clinical.painHistory.summary')} />
        <ListEditor
          legend="Treatments tried"
          addLabel="Add treatment"
          isEmpty={treatmentsTried.length === 0}
          onAdd={() => form.insertListItem('clinical.painHistory.treatmentsTried', { category: 'other', detail: '', result: 'unknown' })}
        >
          {treatmentsTried.map((treatment, index) => (
            <EntryRow
              key={treatment.id ?? `new-${index}`}
              removeLabel={`Remove treatment ${index + 1}`}
              onRemove={() => form.removeListItem('clinical.painHistory.treatmentsTried', index)}
            >
              <Select
                label="Treatment"
                data={TREATMENTS}
                allowDeselect={false}
                w={170}
                {...form.getInputProps(`clinical.painHistory.treatmentsTried.${index}.category`)}
              />
              <TextInput
                label="Detail"
                miw={160}
                flex={1}
                {...form.getInputProps(`clinical.painHistory.treatmentsTried.${index}.detail`)}
              />
              <Select
                label="Result"
                data={RESULTS}
                allowDeselect={false}
                w={140}
                {...form.getInputProps(`clinical.painHistory.treatmentsTried.${index}.result`)}
              />
            </EntryRow>
          ))}
        </ListEditor>
      </Stack>
    </Fieldset>
  );
}

export function PsychiatricAndSubstanceEditor({ form }: { form: EditForm }) {
  const { psychiatricHistory, substanceUseHistory } = form.getValues().clinical;
  return (
    <>
      <ListEditor
        legend="Psychiatric history"
        addLabel="Add psychiatric history"
        isEmpty={psychiatricHistory.length === 0}
        onAdd={() =>
          form.insertListItem('clinical.psychiatricHistory', { code: 'other', icd10cm: '', status: 'active', notedOn: '', note: '' })
        }
      >
        {psychiatricHistory.map((entry, index) => (
          <EntryRow
            key={entry.id ?? `new-${index}`}
            removeLabel={`Remove psychiatric entry ${index + 1}`}
            onRemove={() => form.removeListItem('clinical.psychiatricHistory', index)}
          >
            <Select
              label="Condition"
              data={PSYCHIATRIC}
              allowDeselect={false}
              w={220}
              {...form.getInputProps(`clinical.psychiatricHistory.${index}.code`)}
            />
            <TextInput label="ICD-10-CM" w={100} {...form.getInputProps(`clinical.psychiatricHistory.${index}.icd10cm`)} />
            <Select
              label="Status"
              data={PSYCHIATRIC_STATUS}
              allowDeselect={false}
              w={130}
              {...form.getInputProps(`clinical.psychiatricHistory.${index}.status`)}
            />
            <TextInput label="Noted on" type="date" {...form.getInputProps(`clinical.psychiatricHistory.${index}.notedOn`)} />
            <TextInput
              label="Note"
              miw={200}
              flex={1}
              maxLength={400}
              {...form.getInputProps(`clinical.psychiatricHistory.${index}.note`)}
            />
          </EntryRow>
        ))}
      </ListEditor>
      <ListEditor
        legend="Substance use history"
        addLabel="Add substance use"
        isEmpty={substanceUseHistory.length === 0}
        onAdd={() => form.insertListItem('clinical.substanceUseHistory', { substance: 'other', status: 'active', notedOn: '', note: '' })}
      >
        {substanceUseHistory.map((entry, index) => (
          <EntryRow
            key={entry.id ?? `new-${index}`}
            removeLabel={`Remove substance entry ${index + 1}`}
            onRemove={() => form.removeListItem('clinical.substanceUseHistory', index)}
          >
            <Select
              label="Substance"
              data={SUBSTANCES}
              allowDeselect={false}
              w={160}
              {...form.getInputProps(`clinical.substanceUseHistory.${index}.substance`)}
            />
            <Select
              label="Status"
              data={SUBSTANCE_STATUS}
              allowDeselect={false}
              w={140}
              {...form.getInputProps(`clinical.substanceUseHistory.${index}.status`)}
            />
            <TextInput label="Noted on" type="date" {...form.getInputProps(`clinical.substanceUseHistory.${index}.notedOn`)} />
            <TextInput
              label="Note"
              miw={200}
              flex={1}
              maxLength={400}
              {...form.getInputProps(`clinical.substanceUseHistory.${index}.note`)}
            />
          </EntryRow>
        ))}
      </ListEditor>
    </>
  );
}
