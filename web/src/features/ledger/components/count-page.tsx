import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { describeError, isApiError } from '../../../lib/api-client.ts';
import { toFormErrors } from '../../../lib/form-errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { hasAnyRole } from '../../auth/auth.api.ts';
import { useSession } from '../../auth/session-context.ts';
import { buildCountBody, COUNT_KIND_LABELS, type CountRow, listCountRows, listDifferences, needsTimeOfDay } from '../count-draft.ts';
import {
  type Count,
  type CountKind,
  type NewCount,
  postCount,
  type Registration,
  type Stock,
  type TimeOfDay,
  type WitnessCredential,
} from '../ledger.api.ts';
import { LEDGER_COUNT_ROLES } from '../ledger-roles.ts';
import { formatContainers, formatDecimal } from '../stock-view-model.ts';
import { useInvalidateLedger, useStock } from '../use-ledger.ts';
import { DiscrepanciesPanel } from './discrepancies-panel.tsx';
import { LedgerFrame } from './ledger-frame.tsx';
import { LossTasksPanel } from './loss-tasks-panel.tsx';
import { emptyWitnesses, isWitnessError, WitnessPanel } from './witness-panel.tsx';

/** /ledger/count - two people count every bucket against the book; differences open discrepancies; loss tasks. */
export function CountPage() {
  return <LedgerFrame title="Count">{(registration) => <CountForRegistration registration={registration} />}</LedgerFrame>;
}

function CountForRegistration({ registration }: { registration: Registration }) {
  const me = useSession();
  const stock = useStock(registration.id);
  const [saved, setSaved] = useState<Count | null>(null);
  if (!hasAnyRole(me, LEDGER_COUNT_ROLES)) return <Alert color="yellow">Your role does not record counts.</Alert>;
  return (
    <Stack>
      {stock.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading stock" />
        </Center>
      ) : stock.isError ? (
        <Alert color="red">{describeError(stock.error)}</Alert>
      ) : (
        <CountForm registration={registration} stock={stock.data} onSaved={setSaved} />
      )}
      {saved && <CountResult count={saved} />}
      <DiscrepanciesPanel registration={registration} />
      <LossTasksPanel registration={registration} />
    </Stack>
  );
}

function CountForm({ registration, stock, onSaved }: { registration: Registration; stock: Stock; onSaved: (count: Count) => void }) {
  const invalidate = useInvalidateLedger();
  const rows = listCountRows(stock);
  const [counted, setCounted] = useState<Record<string, string>>({});
  const [countKind, setCountKind] = useState<CountKind>('shift');
  const [timeOfDay, setTimeOfDay] = useState<TimeOfDay | null>(null);
  const [note, setNote] = useState('');
  const [counter, setCounter] = useState<WitnessCredential[]>(() => emptyWitnesses(1));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const pending = useRef<NewCount | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const body = pending.current;
      pending.current = null;
      if (!body) throw new Error('Nothing to send.');
      return postCount(registration.id, body);
    },
    onSuccess: async (count) => {
      onSaved(count);
      // Typing survives any refetch (the rows come from the live stock); only a saved count clears the form.
      setCounted({});
      setNote('');
      setCounter(emptyWitnesses(1));
      await invalidate(registration.id);
    },
    onSettled: () => setCounter((current) => current.map((w) => ({ email: w.email, password: '' }))),
  });
  const serverErrors = isApiError(save.error, 400)
    ? toFormErrors(save.error.fieldIssues, (p) =>
        p.replace(/^body\./, '').replace(/^secondCounter\.(email|password)$/, 'secondCounter.0.$1'),
      )
    : {};
  const errors = { ...serverErrors, ...localErrors };
  const submit = () => {
    const built = buildCountBody({ rows, counted, countKind, timeOfDay, note, secondCounter: counter[0]! });
    setLocalErrors(built.ok ? {} : built.errors);
    if (!built.ok) return;
    pending.current = built.body;
    save.mutate();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
      aria-label="Count form"
    >
      <Stack>
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Count kind"
            data={Object.entries(COUNT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={countKind}
            onChange={(value) => value && setCountKind(value as CountKind)}
            allowDeselect={false}
            w={{ base: '100%', sm: 240 }}
          />
          {needsTimeOfDay(countKind) && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Taken at
              </Text>
              <SegmentedControl
                aria-label="Taken at"
                value={timeOfDay ?? ''}
                onChange={(value) => setTimeOfDay(value as TimeOfDay)}
                data={[
                  { value: 'opening', label: 'Opening of business' },
                  { value: 'close', label: 'Close of business' },
                ]}
              />
              {errors.timeOfDay && (
                <Text c="red" size="xs">
                  {errors.timeOfDay}
                </Text>
              )}
            </Stack>
          )}
        </Group>
        {needsTimeOfDay(countKind) && (
          <Text size="sm" c="dimmed">
            An inventory (21 CFR 1304.11) is what is physically there on its date; the report shows it beside the book balance.
          </Text>
        )}
        {rows.length === 0 ? (
          <Text c="dimmed">Nothing on the book to count.</Text>
        ) : (
          <Table.ScrollContainer minWidth={340}>
            <Table aria-label="Count lines" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Stock</Table.Th>
                  <Table.Th>Book</Table.Th>
                  <Table.Th>Counted</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <CountRowView
                    key={row.key}
                    row={row}
                    value={counted[row.key] ?? ''}
                    error={errors[row.key]}
                    onChange={(v) => setCounted({ ...counted, [row.key]: v })}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Textarea label="Count note" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
        <WitnessPanel
          title="Second counter"
          path="secondCounter"
          witnesses={counter}
          onChange={setCounter}
          error={save.error}
          errors={errors}
        />
        {save.isError && !isWitnessError(save.error) && <FormErrorAlert error={save.error} title="The count was not saved" />}
        {Object.keys(localErrors).length > 0 && (
          <Alert color="red" role="alert" title="The count was not saved">
            Check the marked fields.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={rows.length === 0}>
            Save count
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CountRowView({
  row,
  value,
  error,
  onChange,
}: {
  row: CountRow;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const what = `${row.lot.productName}, lot ${row.lot.lotNumber}, ${row.location.name}`;
  const label = row.sealed ? `Sealed containers counted: ${what}` : `mL counted in opened container: ${what}`;
  return (
    <Table.Tr data-testid="count-line">
      <Table.Td>
        <Text size="sm">{row.lot.productName}</Text>
        <Text size="xs" c="dimmed">
          Lot {row.lot.lotNumber} · {row.location.name} ·{' '}
          {row.sealed ? 'sealed' : `opened ${row.balance.openedAt ? formatDateTime(row.balance.openedAt) : ''}`}
          {row.lot.expired ? ' · expired' : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="book-balance">
          {row.sealed ? formatContainers(row.balance.amount.containers, row.lot.form) : `${formatDecimal(row.balance.amount.ml)} mL`}
        </Text>
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={label}
          inputMode="decimal"
          rightSection={
            <Text size="xs" c="dimmed">
              {row.sealed ? '#' : 'mL'}
            </Text>
          }
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
          w={130}
        />
      </Table.Td>
    </Table.Tr>
  );
}

function CountResult({ count }: { count: Count }) {
  const differences = listDifferences(count.lines);
  return (
    <Card withBorder data-testid="count-result">
      <Group gap="xs" mb="xs">
        <Title order={2} size="h4">
          {COUNT_KIND_LABELS[count.countKind]} saved
        </Title>
        <Badge color={differences.length === 0 ? 'teal' : 'red'}>
          {differences.length === 0 ? 'Matches the book' : `${differences.length} difference${differences.length === 1 ? '' : 's'}`}
        </Badge>
      </Group>
      {differences.length > 0 && (
        <Table aria-label="Count differences">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Stock</Table.Th>
              <Table.Th>Book</Table.Th>
              <Table.Th>Counted</Table.Th>
              <Table.Th>Difference</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {differences.map((line) => (
              <Table.Tr key={line.lineNo}>
                <Table.Td>
                  {line.productName}, lot {line.lotNumber} · {line.locationName}
                  {line.containerId ? ' · opened' : ''}
                </Table.Td>
                <Table.Td>{formatDecimal(line.bookMl)} mL</Table.Td>
                <Table.Td>{formatDecimal(line.countedMl)} mL</Table.Td>
                <Table.Td c="red">
                  {line.differenceMl > 0 ? '+' : ''}
                  {formatDecimal(line.differenceMl)} mL
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
