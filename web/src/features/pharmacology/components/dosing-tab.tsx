import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { ageInYears, todayIso } from '../../../lib/format.ts';
import type { ChartTabProps } from '../../patients/chart-tabs.ts';
import type { PatientView } from '../../patients/patients.api.ts';
import type { PatientValues } from './dosing-context-fields.tsx';
import { DosingWorkspace } from './dosing-workspace.tsx';

/** The patient's weight (latest recorded), age and sex as the dosing screen's starting values. */
export function derivePatientValues(patient: PatientView): { values: PatientValues; weightSource?: string } {
  const weights = [...(patient.clinical?.weights ?? [])].sort((a, b) => b.measuredOn.localeCompare(a.measuredOn));
  const latest = weights[0];
  const weightKg = patient.derived?.latestWeightKg ?? latest?.weightKg;
  const age = ageInYears(patient.demographics.birthDate, todayIso());
  const sex = patient.demographics.sex === 'female' ? 'f' : patient.demographics.sex === 'male' ? 'm' : '';
  return {
    values: { weightKg: weightKg === undefined ? '' : Math.round(weightKg * 10) / 10, ageYears: age ?? '', sex },
    weightSource: latest ? `latest weight, ${latest.measuredOn}` : 'no weight on record',
  };
}

/** Chart tab "Dosing": the dosing screen with this patient's weight, age and sex filled in. */
export function DosingTab({ patient }: ChartTabProps) {
  if (patient.access !== 'full') {
    return (
      <Alert icon={<IconLock />} color="gray" title="Clinical staff only">
        Dosing uses the patient's clinical record; it is for nurses and physicians.
      </Alert>
    );
  }
  const { values, weightSource } = derivePatientValues(patient);
  return <DosingWorkspace initialPatient={values} weightSource={weightSource} patientId={patient.id} />;
}
