import { Checkbox, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { DN4_INTERVIEW_ITEMS } from '../../../../../src/domain/instruments/dn4.ts';
import type { PublicClinic } from '../candidacy.api.ts';
import { DIAGNOSIS_LABELS, type SelfCheckDraft, TREATMENT_LABELS, type TreatmentCategory } from '../self-check-draft.ts';
import { ChoiceGroup, YES_NO_UNSURE } from './choice-group.tsx';

type SelfCheckForm = UseFormReturnType<SelfCheckDraft>;

const RESULT_OPTIONS = [
  { value: 'not_tried', label: 'Not tried' },
  { value: 'helped', label: 'Helped' },
  { value: 'partial', label: 'Helped a little' },
  { value: 'no_effect', label: 'Did not help' },
  { value: 'not_tolerated', label: 'Could not take it (side effects)' },
  { value: 'unknown', label: 'Tried, not sure how it worked' },
];

export function ClinicStep({ form, clinics }: { form: SelfCheckForm; clinics: PublicClinic[] }) {
  return (
    <Stack>
      <Select
        label="Which clinic would you like to visit?"
        data={clinics.map((clinic) => ({ value: clinic.id, label: clinic.name }))}
        allowDeselect={false}
        {...form.getInputProps('clinicId')}
      />
      <NumberInput label="Your age (optional)" min={0} max={130} allowDecimal={false} {...form.getInputProps('ageYears')} />
    </Stack>
  );
}

export function PainStep({ form }: { form: SelfCheckForm }) {
  return (
    <Stack>
      <NumberInput
        label="How many months have you had this pain?"
        description="Your best guess is fine. One year is 12 months."
        min={0}
        max={1200}
        allowDecimal={false}
        {...form.getInputProps('painDurationMonths')}
      />
      <Checkbox.Group
        label="Has a doctor told you that you have any of these?"
        description="Tick any that apply, or none."
        {...form.getInputProps('diagnosisGroups')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing="xs">
          {Object.entries(DIAGNOSIS_LABELS).map(([value, label]) => (
            <Checkbox key={value} value={value} label={label} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <TextInput
        label="Anything else a doctor told you about your pain (optional)"
        maxLength={200}
        {...form.getInputProps('otherDiagnosis')}
      />
    </Stack>
  );
}

export function TreatmentsStep({ form }: { form: SelfCheckForm }) {
  return (
    <Stack>
      <Text size="sm">Which treatments have you tried for this pain, and how did they work?</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {(Object.keys(TREATMENT_LABELS) as TreatmentCategory[]).map((category) => (
          <Select
            key={category}
            label={TREATMENT_LABELS[category]}
            data={RESULT_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps(`treatments.${category}`)}
          />
        ))}
      </SimpleGrid>
      {typeof form.errors.treatments === 'string' && (
        <Text c="red" size="sm">
          {form.errors.treatments}
        </Text>
      )}
    </Stack>
  );
}

export function EffectStep({ form }: { form: SelfCheckForm }) {
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label="How much does the pain get in the way of daily activities?"
          description="0 = not at all, 10 = completely"
          min={0}
          max={10}
          allowDecimal={false}
          {...form.getInputProps('dailyActivity0to10')}
        />
        <NumberInput
          label="How much does the pain get in the way of sleep?"
          description="0 = not at all, 10 = completely"
          min={0}
          max={10}
          allowDecimal={false}
          {...form.getInputProps('sleep0to10')}
        />
      </SimpleGrid>
      <Text size="sm" fw={500}>
        In the painful area, do you feel any of these?
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {DN4_INTERVIEW_ITEMS.map((item) => (
          <ChoiceGroup
            key={item.id}
            label={item.label}
            options={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
            {...form.getInputProps(`dn4.${item.id}`)}
          />
        ))}
      </SimpleGrid>
      <ChoiceGroup
        label="Has the pain spread beyond where it started, or does it feel much stronger than the injury would explain?"
        options={YES_NO_UNSURE}
        {...form.getInputProps('painSpreadingOrOutOfProportion')}
      />
    </Stack>
  );
}
