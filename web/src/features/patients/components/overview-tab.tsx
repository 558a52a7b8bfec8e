import { Alert, SimpleGrid, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ChartTabProps } from '../chart-tabs.ts';
import { AllergiesSection, ConditionsSection, MedicationsSection } from './clinical-sections.tsx';
import { DemographicsSection } from './demographics-section.tsx';
import { PainHistorySection, PsychiatricAndSubstanceSection, RiskFactorsSection } from './history-sections.tsx';
import { MeasurementsSection } from './measurements-section.tsx';

export function OverviewTab({ patient }: ChartTabProps) {
  const { clinical } = patient;
  if (patient.access === 'demographics' || !clinical) {
    return (
      <Stack>
        <Alert icon={<IconLock />} color="gray" title="Demographics only">
          Your role sees who the patient is and how to reach them. Clinical content (conditions, medications, allergies, history) is shown
          only to nurses and physicians.
        </Alert>
        <DemographicsSection demographics={patient.demographics} />
      </Stack>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <MedicationsSection medications={clinical.medications} derived={patient.derived} />
      <ConditionsSection conditions={clinical.conditions} />
      <AllergiesSection allergies={clinical.allergies} />
      <MeasurementsSection weights={clinical.weights} heights={clinical.heights} />
      <RiskFactorsSection pregnancy={clinical.pregnancy} hepaticImpairment={clinical.hepaticImpairment} />
      <PainHistorySection painHistory={clinical.painHistory} />
      <PsychiatricAndSubstanceSection psychiatricHistory={clinical.psychiatricHistory} substanceUseHistory={clinical.substanceUseHistory} />
      <DemographicsSection demographics={patient.demographics} />
    </SimpleGrid>
  );
}
