import { Alert, Anchor, Button, Card, Center, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { describeError, isApiError } from '../../../lib/api-client.ts';
import { toFormErrors } from '../../../lib/form-errors.ts';
import { todayIso } from '../../../lib/format.ts';
import { hasAnyRole } from '../../auth/auth.api.ts';
import { useSession } from '../../auth/session-context.ts';
import { type Entry, postTransaction, type Registration, type Stock, type TransactionBody, type WitnessCredential } from '../ledger.api.ts';
import { buildTransactionBody, emptyDraft, type TransactionDraft, toDraftPath, witnessCount } from '../transaction-draft.ts';
import { describeEntryKind, findTransactionKind, TRANSACTION_KINDS, type TransactionKindInfo } from '../transaction-kinds.ts';
import { useInvalidateLedger, useStock } from '../use-ledger.ts';
import { LedgerFrame } from './ledger-frame.tsx';
import { TransactionFields } from './transaction-fields.tsx';
import { emptyWitnesses, isWitnessError, WitnessPanel } from './witness-panel.tsx';

/** /ledger/new/:kind - one transaction form; /ledger/new lists the kinds the user may record. */
export function TransactionPage() {
  const { kind: slug } = useParams();
  const info = findTransactionKind(slug);
  return (
    <LedgerFrame title={info ? `New entry: ${info.label}` : 'New ledger entry'}>
      {(registration) =>
        info ? <TransactionForRegistration info={info} registration={registration} /> : <KindChooser registration={registration} />
      }
    </LedgerFrame>
  );
}

function KindChooser({ registration }: { registration: Registration }) {
  const me = useSession();
  const search = `?registration=${encodeURIComponent(registration.id)}`;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
      {TRANSACTION_KINDS.filter((k) => hasAnyRole(me, k.roles)).map((k) => (
        <Card key={k.slug} withBorder component={Link} to={`/ledger/new/${k.slug}${search}`}>
          <Text fw={600}>{k.label}</Text>
          <Text size="sm" c="dimmed">
            {k.hint}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function TransactionForRegistration({ info, registration }: { info: TransactionKindInfo; registration: Registration }) {
  const me = useSession();
  const stock = useStock(registration.id);
  if (!hasAnyRole(me, info.roles)) return <Alert color="yellow">Your role does not record {info.label.toLowerCase()} entries.</Alert>;
  if (stock.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading stock" />
      </Center>
    );
  if (stock.isError) return <Alert color="red">{describeError(stock.error)}</Alert>;
  return <TransactionForm key={info.kind} info={info} registration={registration} stock={stock.data} />;
}

function TransactionForm({ info, registration, stock }: { info: TransactionKindInfo; registration: Registration; stock: Stock }) {
  const invalidate = useInvalidateLedger();
  const [draft, setDraft] = useState<TransactionDraft>(() => emptyDraft(todayIso()));
  const [witnesses, setWitnesses] = useState<WitnessCredential[]>(() => emptyWitnesses(2));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [posted, setPosted] = useState<{ entries: Entry[]; warnings: string[] } | null>(null);
  const needed = witnessCount(info.kind, draft);
  const pending = useRef<TransactionBody | null>(null);
  const save = useMutation({
    // No mutation variables: the body (with the witnesses' passwords) is built here and not kept by React Query.
    mutationFn: () => {
      const body = pending.current;
      pending.current = null;
      if (!body) throw new Error('Nothing to send.');
      return postTransaction(registration.id, body);
    },
    onSuccess: async (answer) => {
      setPosted({ entries: answer.entries, warnings: answer.warnings ?? [] });
      setDraft(emptyDraft(todayIso()));
      setWitnesses(emptyWitnesses(2));
      await invalidate(registration.id);
    },
    onSettled: () => setWitnesses((current) => current.map((w) => ({ email: w.email, password: '' }))),
  });
  // A field changed since the server answered no longer shows that answer (another patient, another amount).
  const [changedSinceSave, setChangedSinceSave] = useState<ReadonlySet<string>>(new Set());
  const serverErrors = isApiError(save.error, 400)
    ? withoutChanged(toFormErrors(save.error.fieldIssues, toDraftPath), changedSinceSave)
    : {};
  const errors = { ...serverErrors, ...localErrors };
  const set = <K extends keyof TransactionDraft>(key: K, value: TransactionDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setChangedSinceSave((current) => (current.has(key) ? current : new Set(current).add(key)));
  };
  const search = `?registration=${encodeURIComponent(registration.id)}`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setPosted(null);
        setChangedSinceSave(new Set());
        const built = buildTransactionBody(info.kind, draft, witnesses);
        setLocalErrors(built.ok ? {} : built.errors);
        if (!built.ok) return;
        pending.current = built.body;
        save.mutate();
      }}
      noValidate
      aria-label={`${info.label} form`}
    >
      <Stack maw={900}>
        <Text c="dimmed" size="sm">
          {info.hint}.
        </Text>
        <TransactionFields kind={info.kind} registration={registration} draft={draft} set={set} errors={errors} stock={stock} />
        {needed > 0 && (
          <WitnessPanel
            title={info.kind === 'correction' ? 'Second signer' : 'Witness'}
            heading={info.kind === 'correction' ? 'Second signer' : needed > 1 ? 'Witnesses' : 'Witness'}
            path={info.kind === 'correction' ? 'secondSigner' : 'witnesses'}
            witnesses={witnesses.slice(0, needed)}
            onChange={(next) => setWitnesses([...next, ...witnesses.slice(needed)])}
            error={save.error}
            errors={errors}
          />
        )}
        {save.isError && !isWitnessError(save.error) && <FormErrorAlert error={save.error} title="Nothing was recorded" />}
        {Object.keys(localErrors).length > 0 && (
          <Alert color="red" role="alert" title="Nothing was recorded">
            Check the marked fields.
          </Alert>
        )}
        {posted && <PostedEntries entries={posted.entries} warnings={posted.warnings} />}
        <Group justify="space-between">
          <Anchor component={Link} to={`/ledger${search}`}>
            Back to stock
          </Anchor>
          <Button type="submit" loading={save.isPending}>
            Record {info.label.toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Server errors keyed by API path, less those of draft fields changed since (`quantity` covers `quantity.value`). */
function withoutChanged(errors: Record<string, string>, changed: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !changed.has(path) && !changed.has(path.split('.')[0]!)));
}

function PostedEntries({ entries, warnings }: { entries: Entry[]; warnings: string[] }) {
  return (
    <Alert color="teal" role="status" title="Recorded in the ledger" data-testid="posted-entries">
      <List size="sm">
        {entries.map((e) => (
          <List.Item key={e.id}>
            Entry #{e.seq}: {describeEntryKind(e.kind)} (hash {e.hashHex.slice(0, 12)})
          </List.Item>
        ))}
      </List>
      {warnings.map((warning) => (
        <Text size="sm" c="orange.9" key={warning} mt="xs">
          {warning}
        </Text>
      ))}
      <Title order={3} size="h6" mt="xs">
        The form is ready for the next entry.
      </Title>
    </Alert>
  );
}
