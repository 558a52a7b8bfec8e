import { Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { SelfCheckDraft } from '../self-check-draft.ts';
import { ChoiceGroup, YES_NO_UNSURE } from './choice-group.tsx';

type ExclusionKey = keyof SelfCheckDraft['exclusions'];

const QUESTIONS: { key: ExclusionKey; label: string; options: readonly { value: string; label: string }[] }[] = [
  {
    key: 'pregnancy',
    label: 'Are you pregnant, or could you be?',
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'possible', label: 'Possibly' },
      { value: 'no', label: 'No' },
      { value: 'not_applicable', label: 'Does not apply to me' },
    ],
  },
  {
    key: 'psychosisNotControlled',
    label: 'Do you have psychosis (for example hearing voices) that is not under control?',
    options: YES_NO_UNSURE,
  },
  { key: 'highBloodPressureNotControlled', label: 'Is your blood pressure high and not under control?', options: YES_NO_UNSURE },
  { key: 'heartDiseaseNotControlled', label: 'Do you have heart disease that is not under control?', options: YES_NO_UNSURE },
  {
    key: 'liverDisease',
    label: 'Has a doctor told you that you have liver disease?',
    options: [
      { value: 'no', label: 'No' },
      { value: 'yes_severe', label: 'Yes, severe (such as cirrhosis)' },
      { value: 'yes_other', label: 'Yes, another liver problem' },
      { value: 'not_sure', label: 'Not sure' },
    ],
  },
  {
    key: 'glaucomaOrRaisedIntracranialPressure',
    label: 'Do you have glaucoma or raised pressure inside the head?',
    options: YES_NO_UNSURE,
  },
  {
    key: 'substanceUse',
    label: 'Have you had a problem with alcohol or drugs?',
    options: [
      { value: 'no', label: 'No' },
      { value: 'current', label: 'Yes, now' },
      { value: 'past', label: 'Yes, in the past' },
      { value: 'not_sure', label: 'Not sure' },
    ],
  },
  { key: 'ketamineAllergy', label: 'Are you allergic to ketamine or esketamine?', options: YES_NO_UNSURE },
];

/** The questions that can rule ketamine out; "not sure" is a fine answer (the clinic asks at the consultation). */
export function ExclusionsStep({ form }: { form: UseFormReturnType<SelfCheckDraft> }) {
  return (
    <Stack>
      <Text size="sm">A few health questions. &quot;Not sure&quot; is a fine answer: the clinic will ask at the consultation.</Text>
      {QUESTIONS.map((question) => (
        <ChoiceGroup
          key={question.key}
          label={question.label}
          options={question.options}
          {...form.getInputProps(`exclusions.${question.key}`)}
        />
      ))}
    </Stack>
  );
}
