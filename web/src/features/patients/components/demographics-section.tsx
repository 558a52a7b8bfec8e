import { SimpleGrid } from '@mantine/core';
import type { Demographics } from '../patients.api.ts';
import { ChartSection, Field } from './chart-section.tsx';

export function DemographicsSection({ demographics }: { demographics: Demographics }) {
  const contact = demographics.emergencyContact;
  return (
    <ChartSection title="Demographics and contact">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Field label="Phone" value={demographics.phone} />
        <Field label="Email" value={demographics.email} />
        <Field label="Address" value={demographics.address} />
        <Field
          label="Emergency contact"
          value={contact ? `${contact.name}${contact.relationship ? ` (${contact.relationship})` : ''}, ${contact.phone}` : undefined}
        />
      </SimpleGrid>
    </ChartSection>
  );
}
