import { Fieldset, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { todayIso } from '../../../lib/format.ts';
import type { DemographicsDraft } from '../demographics-draft.ts';

const SEX_OPTIONS = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'unknown', label: 'Unknown' },
];

type FormWithDemographics = UseFormReturnType<{ demographics: DemographicsDraft }>;

/** Identity, contact and emergency contact: shared by registration and the Edit tab. */
export function DemographicsFields({ form }: { form: FormWithDemographics }) {
  return (
    <>
      <Fieldset legend="Identity">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Given name" required autoComplete="off" {...form.getInputProps('demographics.givenName')} />
          <TextInput label="Family name" required autoComplete="off" {...form.getInputProps('demographics.familyName')} />
          <TextInput label="Birth date" type="date" required max={todayIso()} {...form.getInputProps('demographics.birthDate')} />
          <Select label="Sex" required data={SEX_OPTIONS} allowDeselect={false} {...form.getInputProps('demographics.sex')} />
          <TextInput label="MRN" description="Medical record number" required {...form.getInputProps('demographics.mrn')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Contact">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Phone" type="tel" {...form.getInputProps('demographics.phone')} />
          <TextInput label="Email" type="email" {...form.getInputProps('demographics.email')} />
        </SimpleGrid>
        <Textarea label="Address" autosize minRows={2} mt="sm" {...form.getInputProps('demographics.address')} />
      </Fieldset>
      <Fieldset legend="Emergency contact">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Name" {...form.getInputProps('demographics.emergencyContact.name')} />
          <TextInput label="Relationship" {...form.getInputProps('demographics.emergencyContact.relationship')} />
          <TextInput label="Phone" type="tel" {...form.getInputProps('demographics.emergencyContact.phone')} />
        </SimpleGrid>
      </Fieldset>
    </>
  );
}
