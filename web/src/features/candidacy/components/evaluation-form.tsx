import { Alert, Button, Checkbox, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { DN4_DEFINITION } from '../../../../../src/domain/instruments/dn4.ts';
import { PHQ9_DEFINITION } from '../../../../../src/domain/instruments/phq9.ts';
import { todayIso } from '../../../lib/format.ts';
import { type EvaluationDraft, isPhq9SafetyAnswer } from '../evaluation-draft.ts';
import { InstrumentFields } from './instrument-fields.tsx';

type EvaluationForm = UseFormReturnType<EvaluationDraft>;

const PREGNANCY_TEST = [
  { value: 'negative', label: 'Negative' },
  { value: 'positive', label: 'Positive' },
  { value: 'not_applicable', label: 'Not applicable' },
];
const LIVER = [
  { value: 'none', label: 'Normal' },
  { value: 'mild', label: 'Mild impairment' },
  { value: 'moderate', label: 'Moderate impairment' },
  { value: 'severe', label: 'Severe impairment' },
];

const check = (form: EvaluationForm, path: string) => form.getInputProps(path, { type: 'checkbox' });

/** The clinician evaluation: vitals, screens, examinations, DN4 and PHQ-9 (issue 4 item 3). */
export function EvaluationFormFields({ form, submitting, onSubmit }: { form: EvaluationForm; submitting: boolean; onSubmit: () => void }) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack>
        <Fieldset legend="Baseline">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <TextInput label="Evaluated on" type="date" max={todayIso()} {...form.getInputProps('evaluatedOn')} />
            <NumberInput label="Systolic (mmHg)" allowDecimal={false} min={40} max={300} {...form.getInputProps('vitals.systolicMmHg')} />
            <NumberInput label="Diastolic (mmHg)" allowDecimal={false} min={20} max={250} {...form.getInputProps('vitals.diastolicMmHg')} />
            <NumberInput label="Heart rate (bpm)" allowDecimal={false} min={20} max={300} {...form.getInputProps('vitals.heartRateBpm')} />
          </SimpleGrid>
          <Select
            mt="sm"
            label="Pregnancy test"
            description="Where applicable; leave empty if not done"
            data={PREGNANCY_TEST}
            clearable
            maw={320}
            {...form.getInputProps('pregnancyTest')}
          />
        </Fieldset>
        <Fieldset legend="Psychiatric and substance use screens">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap="xs">
              <Checkbox label="Active psychosis" {...check(form, 'psychiatricScreen.activePsychosis')} />
              <Textarea label="Psychiatric note" autosize maxLength={400} {...form.getInputProps('psychiatricScreen.note')} />
            </Stack>
            <Stack gap="xs">
              <Checkbox label="Active substance use disorder" {...check(form, 'substanceUseScreen.activeSud')} />
              <Textarea label="Substance use note" autosize maxLength={400} {...form.getInputProps('substanceUseScreen.note')} />
            </Stack>
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Examination">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Checkbox label="Cardiovascular disease poorly controlled" {...check(form, 'cardiovascular.poorlyControlled')} />
            <Checkbox label="Aneurysm or arteriovenous malformation" {...check(form, 'cardiovascular.aneurysmOrAvm')} />
            <Checkbox label="History of intracerebral haemorrhage" {...check(form, 'cardiovascular.intracerebralHaemorrhageHistory')} />
            <Checkbox label="Raised intracranial or intraocular pressure" {...check(form, 'raisedIcpOrIop')} />
            <Checkbox label="Cystitis or lower urinary tract symptoms" {...check(form, 'cystitis')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Liver tests">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <Select label="Reading" data={LIVER} clearable {...form.getInputProps('liverTests.impairment')} />
            <TextInput label="Taken on" type="date" max={todayIso()} {...form.getInputProps('liverTests.takenOn')} />
            <NumberInput label="ALT (U/L)" min={0} {...form.getInputProps('liverTests.altUPerL')} />
            <NumberInput label="AST (U/L)" min={0} {...form.getInputProps('liverTests.astUPerL')} />
          </SimpleGrid>
        </Fieldset>
        <InstrumentFields form={form} field="dn4" definition={DN4_DEFINITION} legend="DN4 (answer every item, or none)" />
        <InstrumentFields
          form={form}
          field="phq9"
          definition={PHQ9_DEFINITION}
          legend="PHQ-9 (answer every item, or none)"
          description="Over the last 2 weeks, how often has the patient been bothered by:"
        >
          {isPhq9SafetyAnswer(form.values) && (
            <Alert color="red" icon={<IconAlertTriangle />} role="alert" title="Item 9: thoughts of self-harm">
              Assess safety now and do not leave the patient alone if at risk. Saving this evaluation creates a safety task for a clinician.
            </Alert>
          )}
        </InstrumentFields>
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            Evaluate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
