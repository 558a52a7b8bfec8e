import { Alert, Anchor, Center, Loader, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { describeError, isApiError } from '../../../lib/api-client.ts';
import { useSession } from '../../auth/session-context.ts';
import { NotFoundPage } from '../../shell/components/not-found-page.tsx';
import { listVisibleChartTabs } from '../chart-tabs.ts';
import { getPatient, patientKeys } from '../patients.api.ts';
import { ChartHeader } from './chart-header.tsx';

/** /patients/:patientId/:tab? - the tab is in the address so a reload or a shared link keeps it. */
export function PatientChartPage() {
  const { patientId = '', tab } = useParams();
  return <PatientChart key={patientId} patientId={patientId} tab={tab} />;
}

function PatientChart({ patientId, tab }: { patientId: string; tab: string | undefined }) {
  const me = useSession();
  const navigate = useNavigate();
  // A tab mounts when first opened and then stays mounted, so typing in Edit survives a look at Overview.
  const [visited, setVisited] = useState<ReadonlySet<string>>(new Set());
  const patient = useQuery({ queryKey: patientKeys.detail(patientId), queryFn: () => getPatient(patientId), enabled: patientId !== '' });

  if (patient.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the chart" />
      </Center>
    );
  if (patient.isError) {
    if (isApiError(patient.error, 404)) return <NotFoundPage />;
    return (
      <Alert color="red" title="The chart could not be loaded" maw={700}>
        {describeError(patient.error)}{' '}
        <Anchor component="button" onClick={() => patient.refetch()}>
          Try again
        </Anchor>
      </Alert>
    );
  }

  const tabs = listVisibleChartTabs(me, patient.data);
  const active = tabs.find((candidate) => candidate.key === tab) ?? tabs[0];
  if (!active) return <NotFoundPage />;
  if (!visited.has(active.key)) setVisited(new Set([...visited, active.key]));
  return (
    <Stack maw={1200}>
      <ChartHeader patient={patient.data} />
      <Tabs value={active.key} onChange={(key) => key && navigate(`/patients/${patientId}/${key}`, { replace: true })}>
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          {tabs.map((candidate) => (
            <Tabs.Tab key={candidate.key} value={candidate.key}>
              {candidate.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((candidate) => (
          <Tabs.Panel key={candidate.key} value={candidate.key} pt="md">
            {(visited.has(candidate.key) || candidate.key === active.key) && <candidate.component patient={patient.data} me={me} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
