import { Alert, Anchor, Center, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { DEFAULT_MODEL_ID } from '../../../../../src/domain/pharmacology/pk-models.ts';
import { parseQuantity } from '../../../../../src/domain/pharmacology/units.ts';
import { describeError } from '../../../lib/api-client.ts';
import { type DrugLibrary, getDrugLibrary, type LibraryCurrent, listPkModels, pharmacologyKeys } from '../pharmacology.api.ts';
import type { RegimenRow, RouteId } from '../regimen-rows.ts';
import { DEFAULT_POPULATION, type DosingInputs, useDosingQueries } from '../use-dosing-queries.ts';
import type { DoseCheckContext } from './dose-check-view.tsx';
import { PatientFields, type PatientValues, ProductFields } from './dosing-context-fields.tsx';
import { PopulationControls } from './population-controls.tsx';
import { RegimenEditor } from './regimen-editor.tsx';
import { SimulationPanel } from './simulation-panel.tsx';

export interface DosingWorkspaceProps {
  initialPatient: PatientValues;
  /** Where the weight came from ("latest weight, 2025-05-01"). */
  weightSource?: string;
  patientId?: string;
}

const DEBOUNCE_MS = 400;

/** Product and profile from the clinic library, a regimen of bolus and infusion rows with their dose checks,
 *  and the predicted plasma curve (with an optional population band). */
export function DosingWorkspace(props: DosingWorkspaceProps) {
  const library = useQuery({ queryKey: pharmacologyKeys.library, queryFn: getDrugLibrary });
  if (library.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the drug library" />
      </Center>
    );
  if (library.isError)
    return (
      <Alert color="red" title="The clinic's drug library could not be loaded" role="alert">
        {describeError(library.error)}{' '}
        <Anchor component="button" onClick={() => library.refetch()}>
          Try again
        </Anchor>
      </Alert>
    );
  return <Workspace {...props} current={library.data.current} />;
}

function findEntry(library: DrugLibrary, profileId: string | null, productId: string | null) {
  const profile = library.profiles.find((candidate) => candidate.id === profileId);
  return profile?.entries.find((entry) => productId !== null && entry.productIds.includes(productId));
}

function Workspace({ initialPatient, weightSource, patientId, current }: DosingWorkspaceProps & { current: LibraryCurrent }) {
  const { library } = current;
  const models = useQuery({ queryKey: pharmacologyKeys.models, queryFn: listPkModels, staleTime: Number.POSITIVE_INFINITY });
  const [patient, setPatient] = useState(initialPatient);
  const [modelId, setModelId] = useState(DEFAULT_MODEL_ID);
  const firstProfile = library.profiles[0];
  const [selection, setSelection] = useState({
    profileId: firstProfile?.id ?? null,
    productId: firstProfile?.entries[0]?.productIds[0] ?? null,
  });
  const [rows, setRows] = useState<RegimenRow[]>([]);
  const [population, setPopulation] = useState(DEFAULT_POPULATION);

  const product = library.products.find((candidate) => candidate.id === selection.productId);
  const entry = findEntry(library, selection.profileId, selection.productId);
  const drug = product?.drug ?? 'ketamine';
  // Memoised so the debounce only restarts when something was typed.
  const inputs = useMemo<DosingInputs>(
    () => ({ ...patient, modelId, drug, ...selection, rows, population, ...(patientId ? { patientId } : {}) }),
    [patient, modelId, drug, selection, rows, population, patientId],
  );
  const [debounced] = useDebouncedValue(inputs, DEBOUNCE_MS);
  const { checks, simulate, hasEvents, weightReady, rowErrors, formIssues } = useDosingQueries(debounced);

  // A new product or profile brings its entry's route to the rows already typed (an IV row would not fit a nasal device).
  const changeSelection = (next: typeof selection) => {
    setSelection(next);
    const route = findEntry(library, next.profileId, next.productId)?.route as RouteId | undefined;
    if (route) setRows((previous) => previous.map((row) => (row.route === route ? row : { ...row, route })));
  };

  const checkContext = (row: RegimenRow): DoseCheckContext => {
    const typed = parseQuantity(row.concentration.trim());
    const typedMgPerMl = typed.ok && typed.value.unit === 'mg/mL' ? typed.value.value : undefined;
    return {
      stockMgPerMl: product?.concentrationMgPerMl,
      lineMgPerMl: typedMgPerMl ?? entry?.standardConcentrationMgPerMl ?? product?.concentrationMgPerMl,
      volumeStepMl: entry?.volumeStepMl ?? 0.1,
    };
  };

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h5" mb="xs">
            Patient
          </Title>
          <PatientFields
            values={patient}
            onChange={(patch) => setPatient((previous) => ({ ...previous, ...patch }))}
            models={models.data?.models ?? []}
            modelId={modelId}
            onModelChange={setModelId}
            issues={formIssues}
            weightSource={weightSource}
          />
          {models.isError && (
            <Text size="sm" c="red" mt="xs">
              The model list could not be loaded: {describeError(models.error)}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h5" mb="xs">
            Drug from the clinic library
          </Title>
          <Stack gap="xs">
            <LibraryNotice current={current} />
            <ProductFields library={library} {...selection} onChange={changeSelection} />
            {drug === 'esketamine' && (
              <Alert color="blue" icon={<IconInfoCircle />} p="xs" data-testid="esketamine-notice">
                Esketamine has no validated pharmacokinetic model: doses are checked against the library, but no curve is predicted.
              </Alert>
            )}
            {entry?.notes.map((note) => (
              <Text key={note} size="xs" c="dimmed">
                {note}
              </Text>
            ))}
          </Stack>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h5" mb="xs">
          Regimen
        </Title>
        <RegimenEditor
          rows={rows}
          onChange={setRows}
          defaultRoute={(entry?.route ?? 'iv') as RouteId}
          modes={entry?.modes ?? ['bolus', 'rate']}
          doseUnitHint={entry?.dosingUnit ?? {}}
          checks={checks}
          errors={rowErrors}
          checkContext={checkContext}
        />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h5">
            Predicted plasma concentration
          </Title>
          <PopulationControls settings={population} onChange={(patch) => setPopulation((previous) => ({ ...previous, ...patch }))} />
          <SimulationPanel simulate={simulate} hasEvents={hasEvents} weightReady={weightReady} formIssues={formIssues} />
        </Stack>
      </Paper>
    </Stack>
  );
}

function LibraryNotice({ current }: { current: LibraryCurrent }) {
  return (
    <Text size="xs" c={current.isDefault ? 'orange.8' : 'dimmed'}>
      Library {current.library.version}
      {current.isDefault ? ': the default library, a starting point for clinic policy, not approved by this clinic.' : ', approved.'}
    </Text>
  );
}
