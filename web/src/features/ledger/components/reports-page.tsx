import { Alert, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { formatDateTime, todayIso } from '../../../lib/format.ts';
import { COUNT_KIND_LABELS } from '../count-draft.ts';
import { getReconciliation, ledgerKeys, listCounts, type Registration, type ReportKind, reportUrl } from '../ledger.api.ts';
import { daysBefore, REPORT_LABELS, toInstantRange } from '../report-range.ts';
import { EntriesList } from './entries-list.tsx';
import { LedgerFrame } from './ledger-frame.tsx';
import { ReconciliationView } from './reconciliation-view.tsx';

/** /ledger/reports - CSV and PDF by date range, the entries with the chain head, and the reconciliation. */
export function ReportsPage() {
  return <LedgerFrame title="Ledger reports">{(registration) => <ReportsForRegistration registration={registration} />}</LedgerFrame>;
}

function ReportsForRegistration({ registration }: { registration: Registration }) {
  const [from, setFrom] = useState(() => daysBefore(todayIso(), 30));
  const [to, setTo] = useState(() => todayIso());
  const [report, setReport] = useState<ReportKind>('administration-dispensing');
  const [countEntryId, setCountEntryId] = useState<string | null>(null);
  const counts = useQuery({
    queryKey: ledgerKeys.counts(registration.id),
    queryFn: () => listCounts(registration.id),
    enabled: report === 'inventory',
  });
  const instants = toInstantRange(from, to);
  const reconciliation = useQuery({
    queryKey: ledgerKeys.reconciliation(registration.id, instants.from ?? '', instants.to ?? ''),
    queryFn: () => getReconciliation(registration.id, { from: instants.from ?? '', to: instants.to ?? '' }),
    enabled: Boolean(instants.from && instants.to),
  });
  const needsCount = report === 'inventory' && !countEntryId;
  const link = (format: 'csv' | 'pdf') =>
    reportUrl(registration.id, report, {
      from,
      to,
      format,
      countEntryId: report === 'inventory' ? (countEntryId ?? undefined) : undefined,
    });
  return (
    <Stack>
      <Card withBorder>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
            <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            <Select
              label="Report"
              data={Object.entries(REPORT_LABELS).map(([value, label]) => ({ value, label }))}
              value={report}
              onChange={(value) => value && setReport(value as ReportKind)}
              allowDeselect={false}
            />
          </SimpleGrid>
          {report === 'inventory' && (
            <Select
              label="Inventory count"
              placeholder={counts.isPending ? 'Loading counts…' : 'Choose a count'}
              data={(counts.data?.items ?? []).map((c) => ({
                value: c.entryId,
                label: `${COUNT_KIND_LABELS[c.countKind] ?? c.countKind}${c.timeOfDay ? ` (${c.timeOfDay === 'opening' ? 'opening' : 'close'} of business)` : ''}, ${formatDateTime(c.countedAt)}`,
              }))}
              value={countEntryId}
              onChange={setCountEntryId}
              error={counts.isError ? describeError(counts.error) : undefined}
            />
          )}
          <Group>
            <Button
              component="a"
              href={needsCount ? undefined : link('csv')}
              download
              leftSection={<IconDownload size={16} />}
              disabled={needsCount}
            >
              Download CSV
            </Button>
            <Button
              component="a"
              href={needsCount ? undefined : link('pdf')}
              download
              variant="light"
              leftSection={<IconDownload size={16} />}
              disabled={needsCount}
            >
              Download PDF
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Reconciliation
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          Charted administration and waste against the ledger, and counts against the book, for the dates above.
        </Text>
        {!instants.from || !instants.to ? (
          <Text size="sm" c="dimmed">
            Choose both dates.
          </Text>
        ) : reconciliation.isPending ? (
          <Loader size="sm" aria-label="Loading the reconciliation" />
        ) : reconciliation.isError ? (
          <Alert color="red">{describeError(reconciliation.error)}</Alert>
        ) : (
          <ReconciliationView data={reconciliation.data} registration={registration} />
        )}
      </Card>
      <EntriesList registration={registration} range={instants} />
    </Stack>
  );
}
