import { Stack, Text, Title } from '@mantine/core';
import { hasAnyRole } from '../../auth/auth.api.ts';
import { useSession } from '../../auth/session-context.ts';
import { NotFoundPage } from '../../shell/components/not-found-page.tsx';
import { DOSING_ROLES } from '../pharmacology-roles.ts';
import { DosingWorkspace } from './dosing-workspace.tsx';

/** /dosing - the dosing calculator without a patient: weight, age and sex are typed in. */
export function DosingPage() {
  const me = useSession();
  if (!hasAnyRole(me, DOSING_ROLES)) return <NotFoundPage />;
  return (
    <Stack maw={1200}>
      <div>
        <Title order={1} size="h2">
          Dosing
        </Title>
        <Text size="sm" c="dimmed">
          Check a regimen against the clinic's drug library and see the predicted plasma concentration. To record it for a patient, open the
          Dosing tab of their chart.
        </Text>
      </div>
      <DosingWorkspace initialPatient={{ weightKg: '', ageYears: '', sex: '' }} />
    </Stack>
  );
}
