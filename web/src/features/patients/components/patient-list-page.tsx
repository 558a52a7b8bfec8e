import { Alert, Anchor, Button, Center, EmptyState, Group, Loader, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUserSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../../lib/api-client.ts';
import { ageInYears, humanize, todayIso } from '../../../lib/format.ts';
import { hasAnyRole } from '../../auth/auth.api.ts';
import { useSession } from '../../auth/session-context.ts';
import { PATIENT_REGISTRATION_ROLES } from '../patient-roles.ts';
import { listPatients, PATIENT_PAGE_SIZE, type PatientSummary, patientKeys } from '../patients.api.ts';

/** The search box and its page live in the address, so Back returns to the same results. */
export function PatientListPage() {
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [input, setInput] = useState(params.get('q') ?? '');
  const [debouncedQuery] = useDebouncedValue(input.trim(), 300);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const activePage = debouncedQuery === (params.get('q') ?? '') ? page : 1;

  const patients = useQuery({
    queryKey: patientKeys.list(debouncedQuery, activePage),
    queryFn: () => listPatients({ query: debouncedQuery, page: activePage }),
    placeholderData: keepPreviousData,
  });

  const setPage = (next: number) => setParams({ ...(debouncedQuery ? { q: debouncedQuery } : {}), page: String(next) }, { replace: true });
  const onSearchChange = (value: string) => {
    setInput(value);
    setParams(value.trim() ? { q: value.trim() } : {}, { replace: true });
  };
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = patients.data?.items[0];
    if (event.key === 'Enter' && first && debouncedQuery === input.trim() && !patients.isPlaceholderData) navigate(`/patients/${first.id}`);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      document.querySelector<HTMLAnchorElement>('[data-patient-link]')?.focus();
    }
  };

  const totalPages = patients.data ? Math.max(1, Math.ceil(patients.data.total / PATIENT_PAGE_SIZE)) : 1;

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Patients
        </Title>
        {hasAnyRole(me, PATIENT_REGISTRATION_ROLES) && (
          <Button component={Link} to="/patients/new" leftSection={<IconPlus size={16} />}>
            New patient
          </Button>
        )}
      </Group>
      <TextInput
        aria-label="Search patients"
        placeholder="Name, MRN or birth date (YYYY-MM-DD)"
        leftSection={<IconSearch size={16} />}
        rightSection={patients.isFetching ? <Loader size="xs" /> : null}
        value={input}
        onChange={(event) => onSearchChange(event.currentTarget.value)}
        onKeyDown={onSearchKeyDown}
        description="Enter opens the first match; the down arrow moves into the list."
        autoFocus
      />
      {patients.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading patients" />
        </Center>
      ) : patients.isError ? (
        <Alert color="red" title="Patients could not be loaded">
          {describeError(patients.error)}{' '}
          <Anchor component="button" onClick={() => patients.refetch()}>
            Try again
          </Anchor>
        </Alert>
      ) : patients.data.items.length === 0 ? (
        <EmptyState
          icon={<IconUserSearch />}
          title={debouncedQuery ? `No patients match "${debouncedQuery}"` : 'No patients yet'}
          description={
            debouncedQuery ? 'Check the spelling, or search by MRN or birth date (YYYY-MM-DD).' : 'Registered patients appear here.'
          }
          mt="lg"
        />
      ) : (
        <>
          <PatientTable patients={patients.data.items} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {patients.data.total} patient{patients.data.total === 1 ? '' : 's'}
            </Text>
            {totalPages > 1 && <Pagination total={totalPages} value={activePage} onChange={setPage} size="sm" />}
          </Group>
        </>
      )}
    </Stack>
  );
}

/** On a phone the row collapses to the name with MRN, birth date and sex underneath. */
function PatientTable({ patients }: { patients: PatientSummary[] }) {
  const today = todayIso();
  const born = (patient: PatientSummary) => `${patient.birthDate} (${ageInYears(patient.birthDate, today) ?? '?'} y)`;
  return (
    <Table highlightOnHover verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th visibleFrom="sm">MRN</Table.Th>
          <Table.Th visibleFrom="sm">Birth date</Table.Th>
          <Table.Th visibleFrom="sm">Sex</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {patients.map((patient) => (
          <Table.Tr key={patient.id}>
            <Table.Td>
              <Anchor component={Link} to={`/patients/${patient.id}`} data-patient-link fw={500} onKeyDown={moveFocusBetweenRows}>
                {patient.familyName}, {patient.givenName}
              </Anchor>
              <Text hiddenFrom="sm" size="xs" c="dimmed">
                <Text span ff="monospace" size="xs">
                  {patient.mrn}
                </Text>{' '}
                · {born(patient)} · {humanize(patient.sex)}
              </Text>
            </Table.Td>
            <Table.Td visibleFrom="sm" ff="monospace">
              {patient.mrn}
            </Table.Td>
            <Table.Td visibleFrom="sm">{born(patient)}</Table.Td>
            <Table.Td visibleFrom="sm">{humanize(patient.sex)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Up and down arrows walk the result links, like a list box. */
function moveFocusBetweenRows(event: KeyboardEvent<HTMLAnchorElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  event.preventDefault();
  const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-patient-link]')];
  const index = links.indexOf(event.currentTarget);
  const next = links[index + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) next.focus();
  else if (event.key === 'ArrowUp') document.querySelector<HTMLInputElement>('input[aria-label="Search patients"]')?.focus();
}
