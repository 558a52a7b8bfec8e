import { Alert, Badge, Button, Card, Group, Loader, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { describeError, isApiError } from '../../../lib/api-client.ts';
import { toFormErrors } from '../../../lib/form-errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import {
  type Discrepancy,
  type DiscrepancyAction,
  postDiscrepancyAction,
  type Registration,
  type WitnessCredential,
} from '../ledger.api.ts';
import { formatDecimal } from '../stock-view-model.ts';
import { useDiscrepancies, useEntries, useInvalidateLedger } from '../use-ledger.ts';
import { emptyWitnesses, isWitnessError, WitnessPanel } from './witness-panel.tsx';

export const DISCREPANCY_ACTION_LABELS: Record<DiscrepancyAction, string> = {
  investigating: 'Investigating',
  resolved_by_correction: 'Resolved by a correction',
  reported_as_loss: 'Reported as a loss',
  resolved_no_change: 'Resolved, no change',
};

/** Open and past count differences; each takes actions until it is resolved or reported (DAY.md 17:30). */
export function DiscrepanciesPanel({ registration }: { registration: Registration }) {
  const discrepancies = useDiscrepancies(registration.id);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Discrepancies
      </Title>
      {discrepancies.isPending ? (
        <Loader size="sm" aria-label="Loading discrepancies" />
      ) : discrepancies.isError ? (
        <Alert color="red">{describeError(discrepancies.error)}</Alert>
      ) : discrepancies.data.items.length === 0 ? (
        <Text c="dimmed">No count has differed from the book.</Text>
      ) : (
        <Stack>
          {discrepancies.data.items.map((d) => {
            return (
              <Card key={`${d.countEntryId}:${d.lineNo}`} withBorder padding="sm" data-testid="discrepancy">
                <Group justify="space-between" wrap="wrap">
                  <Text size="sm">
                    {d.productName}, lot {d.lotNumber} · {d.locationName}
                    {d.containerId ? ' · opened container' : ''} · counted {formatDateTime(d.countedAt)}
                  </Text>
                  <Group gap="xs">
                    <Text size="sm" c="red" fw={600}>
                      {d.differenceMl > 0 ? '+' : ''}
                      {formatDecimal(d.differenceMl)} mL
                    </Text>
                    <Badge color={d.status === 'open' ? 'red' : d.status === 'investigating' ? 'orange' : 'teal'}>{d.status}</Badge>
                  </Group>
                </Group>
                {(d.actions ?? []).map((a, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: actions are an append-only list
                  <Text size="xs" c="dimmed" key={i}>
                    {DISCREPANCY_ACTION_LABELS[a.action] ?? a.action}
                    {` by ${a.by.name}, ${formatDateTime(a.at)}: ${a.note}`}
                    {a.correctionEntryId ? ` (correction ${a.correctionEntryId})` : ''}
                    {a.lossEntryId ? ` (loss ${a.lossEntryId})` : ''}
                    {a.secondSigner ? ` (confirmed by ${a.secondSigner.name})` : ''}
                  </Text>
                ))}
                {isOpen(d) && <ActionForm registration={registration} discrepancy={d} />}
              </Card>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}

function isOpen(d: Discrepancy): boolean {
  return d.status !== 'resolved';
}

function ActionForm({ registration, discrepancy }: { registration: Registration; discrepancy: Discrepancy }) {
  const invalidate = useInvalidateLedger();
  const [action, setAction] = useState<DiscrepancyAction>('investigating');
  const [note, setNote] = useState('');
  const [entryId, setEntryId] = useState('');
  const [signer, setSigner] = useState<WitnessCredential[]>(() => emptyWitnesses(1));
  const needsSigner = action === 'resolved_no_change';
  const save = useMutation({
    mutationFn: () =>
      postDiscrepancyAction(registration.id, discrepancy.countEntryId, discrepancy.lineNo, {
        action,
        note: note.trim(),
        ...(action === 'resolved_by_correction' ? { correctionEntryId: entryId.trim() } : {}),
        ...(action === 'reported_as_loss' ? { lossEntryId: entryId.trim() } : {}),
        ...(needsSigner ? { secondSigner: signer[0]! } : {}),
      }),
    onSuccess: async () => {
      setNote('');
      setEntryId('');
      setSigner(emptyWitnesses(1));
      await invalidate(registration.id);
    },
    onSettled: () => setSigner((current) => current.map((w) => ({ email: w.email, password: '' }))),
  });
  const errors = isApiError(save.error, 400)
    ? toFormErrors(save.error.fieldIssues, (p) => p.replace(/^body\./, '').replace(/^secondSigner\.(email|password)$/, 'secondSigner.0.$1'))
    : {};
  const signed = !needsSigner || (signer[0]!.email.trim() !== '' && signer[0]!.password !== '');
  const needsEntry = action === 'resolved_by_correction' || action === 'reported_as_loss';
  const choose = (next: DiscrepancyAction) => {
    setAction(next);
    setEntryId('');
    setSigner(emptyWitnesses(1));
  };
  return (
    <Stack gap="xs" mt="xs">
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Action"
          data={Object.entries(DISCREPANCY_ACTION_LABELS).map(([value, label]) => ({ value, label }))}
          value={action}
          onChange={(value) => value && choose(value as DiscrepancyAction)}
          allowDeselect={false}
          w={{ base: '100%', sm: 240 }}
        />
        {needsEntry && (
          <EntryPicker
            registration={registration}
            kind={action === 'resolved_by_correction' ? 'correction' : 'loss'}
            value={entryId}
            onChange={setEntryId}
          />
        )}
      </Group>
      <Textarea label="Action note" required value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
      {needsSigner && (
        <WitnessPanel
          title="Second person"
          heading="Second person confirms no stock entry is needed"
          path="secondSigner"
          witnesses={signer}
          onChange={setSigner}
          error={save.error}
          errors={errors}
        />
      )}
      {save.isError && !isWitnessError(save.error) && <FormErrorAlert error={save.error} title="The action was not recorded" />}
      <Group>
        <Button
          size="xs"
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={!note.trim() || (needsEntry && !entryId.trim()) || !signed}
        >
          Record action
        </Button>
      </Group>
    </Stack>
  );
}

/** The correction or loss entry that settles a discrepancy, newest first (record it first under New entry). */
function EntryPicker({
  registration,
  kind,
  value,
  onChange,
}: {
  registration: Registration;
  kind: 'correction' | 'loss';
  value: string;
  onChange: (value: string) => void;
}) {
  const entries = useEntries(registration.id, { kind, limit: 50 });
  const label = kind === 'correction' ? 'Correction entry' : 'Loss entry';
  return (
    <Select
      label={label}
      placeholder={entries.isPending ? 'Loading entries…' : `Choose the ${kind} entry`}
      data={(entries.data?.items ?? []).map((e) => ({
        value: e.id,
        label: `#${e.seq} ${formatDateTime(e.occurredAt)} · ${e.recordedBy.name}`,
      }))}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      nothingFoundMessage={`No ${kind} entry yet: record it under New entry first`}
      error={entries.isError ? describeError(entries.error) : undefined}
      w={{ base: '100%', sm: 360 }}
    />
  );
}
