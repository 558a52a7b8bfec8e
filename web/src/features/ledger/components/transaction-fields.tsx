import { Alert, Checkbox, Radio, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../../lib/format.ts';
import type { Registration, TransactionKind } from '../ledger.api.ts';
import { describeLot } from '../stock-view-model.ts';
import { CORRECTABLE_KINDS, describeEntryKind } from '../transaction-kinds.ts';
import { useEntries } from '../use-ledger.ts';
import { AdministrationFields, DispensingFields } from './clinical-fields.tsx';
import { DraftTextarea, DraftTextInput, type FieldsProps, firstError, PartyFields, QuantityFor, SourceSelect } from './field-widgets.tsx';
import { ReceiptFields } from './receipt-fields.tsx';

/** The fields of one transaction kind (the witness panel is added by the form around them). */
export function TransactionFields({ kind, registration, ...props }: FieldsProps & { kind: TransactionKind; registration: Registration }) {
  switch (kind) {
    case 'receipt':
      return <ReceiptFields {...props} />;
    case 'opening_balance':
      return <ReceiptFields {...props} withSupplier={false} />;
    case 'administration':
      return <AdministrationFields {...props} />;
    case 'dispensing':
      return <DispensingFields {...props} />;
    case 'waste':
      return (
        <Stack>
          <SourceSelect
            {...props}
            label="Opened container"
            errorPaths={['containerId']}
            options={{ openedOnly: true, includeExpired: true }}
          />
          <QuantityFor {...props} label="Wasted amount" />
          <DraftTextarea {...props} field="reason" label="Reason" required />
        </Stack>
      );
    case 'breakage':
      return (
        <Stack>
          <SourceSelect {...props} options={{ includeExpired: true }} />
          <QuantityFor {...props} label="Amount lost" />
          <DraftTextarea {...props} field="description" label="What happened" required />
        </Stack>
      );
    case 'move':
      return (
        <Stack>
          <SourceSelect
            {...props}
            field="lotSource"
            label="Sealed stock to move"
            errorPaths={['lotId', 'fromLocationId']}
            options={{ sealedOnly: true, includeExpired: true }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="To location"
              required
              data={registration.locations.map((l) => ({ value: l.id, label: l.name }))}
              value={props.draft.toLocationId || null}
              onChange={(value) => props.set('toLocationId', value ?? '')}
              error={props.errors.toLocationId}
            />
            <ContainersInput {...props} />
          </SimpleGrid>
        </Stack>
      );
    case 'distribution_out':
      return (
        <Stack>
          <SourceSelect
            {...props}
            field="lotSource"
            label="Sealed stock to distribute"
            errorPaths={['lotId', 'locationId']}
            options={{ sealedOnly: true }}
          />
          <ContainersInput {...props} />
          <PartyFields who="recipient" {...props} />
          <Text size="sm" c="dimmed">
            21 CFR 1307.11: without a distributor registration, a practitioner's distributions to other practitioners stay within 5 % of the
            dosage units it dispenses and distributes in a year. A recipient that is a registration of this organization receives the stock
            in its own chain.
          </Text>
        </Stack>
      );
    case 'return':
      return (
        <Stack>
          <SourceSelect
            {...props}
            field="lotSource"
            label="Sealed stock to return"
            errorPaths={['lotId', 'locationId']}
            options={{ sealedOnly: true, includeExpired: true }}
          />
          <ContainersInput {...props} />
          <Radio.Group
            label="Returned to"
            value={props.draft.recipientType}
            onChange={(value) => props.set('recipientType', value as 'supplier' | 'reverse_distributor')}
          >
            <Stack gap={4} mt={4}>
              <Radio value="supplier" label="Supplier" />
              <Radio value="reverse_distributor" label="Reverse distributor" />
            </Stack>
          </Radio.Group>
          <PartyFields who="recipient" {...props} />
          <DraftTextarea {...props} field="reason" label="Reason" required />
        </Stack>
      );
    case 'destruction':
      return (
        <Stack>
          <SourceSelect {...props} options={{ includeExpired: true }} />
          <QuantityFor {...props} label="Amount destroyed" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DraftTextInput {...props} field="method" label="Method of destruction" required />
            <DraftTextInput {...props} field="placeOfDestruction" label="Place of destruction" required />
          </SimpleGrid>
        </Stack>
      );
    case 'loss':
      return <LossFields {...props} />;
    case 'correction':
      return <CorrectionFields {...props} registration={registration} />;
    default:
      return <Alert color="yellow">This kind of entry has no form.</Alert>;
  }
}

function ContainersInput(props: FieldsProps) {
  return <DraftTextInput {...props} field="containers" label="Containers" required inputMode="numeric" />;
}

function LossFields(props: FieldsProps) {
  const { draft, set } = props;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        DEA Form 106. A theft or a significant loss (21 CFR 1301.76(b)) opens two tasks: written notice to the DEA within one business day
        of discovery, and Form 106 within 45 days.
      </Text>
      <SourceSelect {...props} options={{ includeExpired: true }} />
      <QuantityFor {...props} label="Amount lost" />
      <Radio.Group label="Kind" value={draft.lossType} onChange={(value) => set('lossType', value as 'theft' | 'loss')}>
        <Stack gap={4} mt={4}>
          <Radio value="loss" label="Loss" />
          <Radio value="theft" label="Theft" />
        </Stack>
      </Radio.Group>
      <Checkbox
        label="Significant loss"
        description="Judged by quantity, pattern and circumstances; a theft is always reported"
        checked={draft.significant}
        onChange={(e) => set('significant', e.currentTarget.checked)}
      />
      <DraftTextInput {...props} field="discoveredAt" label="Discovered at" type="datetime-local" required />
      <DraftTextarea {...props} field="description" label="What happened" required />
    </Stack>
  );
}

function CorrectionFields(props: FieldsProps & { registration: Registration }) {
  const entries = useEntries(props.registration.id, { limit: 100 });
  const lots = new Map(props.stock.lots.map((lot) => [lot.id, lot]));
  const choices = (entries.data?.items ?? [])
    .filter((e) => (CORRECTABLE_KINDS as ReadonlySet<string>).has(e.kind) && !e.reversedByEntryId)
    .map((e) => {
      const lot = e.lines[0] ? lots.get(e.lines[0].lotId) : undefined;
      return {
        value: e.id,
        label: `#${e.seq} ${describeEntryKind(e.kind)} · ${formatDateTime(e.occurredAt)} · ${e.recordedBy.name}${lot ? ` · ${describeLot(lot)}` : ''}`,
      };
    });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        A correction never changes the entry: it adds a new entry that reverses every line of it. One correction per entry.
      </Text>
      <Select
        label="Entry to reverse"
        required
        searchable
        data={choices}
        value={props.draft.reversesEntryId || null}
        onChange={(value) => props.set('reversesEntryId', value ?? '')}
        error={firstError(props.errors, 'reversesEntryId')}
        placeholder={entries.isPending ? 'Loading entries…' : 'Choose'}
        comboboxProps={{ width: 'target' }}
      />
      <DraftTextarea draft={props.draft} set={props.set} errors={props.errors} field="reason" label="Reason" required />
    </Stack>
  );
}
