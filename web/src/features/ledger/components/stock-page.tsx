import { Alert, Anchor, Badge, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { describeError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { hasAnyRole } from '../../auth/auth.api.ts';
import { useSession } from '../../auth/session-context.ts';
import type { Registration, Stock } from '../ledger.api.ts';
import { LEDGER_REGISTER_ROLES } from '../ledger-roles.ts';
import {
  formatAmount,
  formatContainers,
  formatDecimal,
  groupStockByLocation,
  type LocationStock,
  totalStock,
} from '../stock-view-model.ts';
import { TRANSACTION_KINDS } from '../transaction-kinds.ts';
import { useStock } from '../use-ledger.ts';
import { LedgerFrame } from './ledger-frame.tsx';
import { CreateRegistrationForm, RegistrationAdmin } from './registration-admin.tsx';

/** /ledger - stock per storage location: sealed containers per lot, opened containers to the mL, totals. */
export function StockPage() {
  const me = useSession();
  const canRegister = hasAnyRole(me, LEDGER_REGISTER_ROLES);
  return (
    <LedgerFrame
      title="Controlled substances"
      empty={
        canRegister ? (
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              Record the clinic's DEA registration
            </Title>
            <CreateRegistrationForm />
          </Card>
        ) : undefined
      }
    >
      {(registration) => <StockForRegistration registration={registration} canRegister={canRegister} />}
    </LedgerFrame>
  );
}

function StockForRegistration({ registration, canRegister }: { registration: Registration; canRegister: boolean }) {
  const me = useSession();
  const stock = useStock(registration.id);
  const kinds = TRANSACTION_KINDS.filter((k) => hasAnyRole(me, k.roles));
  const search = `?registration=${encodeURIComponent(registration.id)}`;
  return (
    <Stack>
      <Group gap="xs" wrap="wrap">
        {kinds.map((k) => (
          <Button
            key={k.slug}
            component={Link}
            to={`/ledger/new/${k.slug}${search}`}
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
          >
            {k.label}
          </Button>
        ))}
      </Group>
      {stock.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading stock" />
        </Center>
      ) : stock.isError ? (
        <Alert color="red" role="alert" title="The stock could not be loaded">
          {describeError(stock.error)}{' '}
          <Anchor component="button" onClick={() => stock.refetch()}>
            Try again
          </Anchor>
        </Alert>
      ) : (
        <StockTables stock={stock.data} />
      )}
      {canRegister && <RegistrationAdmin registration={registration} />}
    </Stack>
  );
}

function StockTables({ stock }: { stock: Stock }) {
  const groups = groupStockByLocation(stock);
  const total = totalStock(stock);
  return (
    <Stack>
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>On hand:</Text>
        <Text data-testid="stock-total">{formatAmount(total)}</Text>
        {stock.head && (
          <Text size="xs" c="dimmed" ff="monospace">
            chain head #{stock.head.seq} {stock.head.hashHex.slice(0, 12)}
          </Text>
        )}
      </Group>
      {groups.length === 0 && <Text c="dimmed">No storage location yet.</Text>}
      <SimpleGrid cols={1}>
        {groups.map((group) => (
          <LocationCard key={group.location.id} group={group} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function LocationCard({ group }: { group: LocationStock }) {
  const empty = group.sealed.length === 0 && group.opened.length === 0;
  return (
    <Card withBorder data-testid="location-stock" aria-label={`Stock in ${group.location.name}`}>
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h4">
          {group.location.name}
        </Title>
        <Text size="sm">{formatAmount(group.total)}</Text>
      </Group>
      {empty && <Text c="dimmed">Empty.</Text>}
      {group.sealed.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table striped aria-label={`Sealed stock in ${group.location.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Product</Table.Th>
                <Table.Th>Lot</Table.Th>
                <Table.Th>Lot expiry</Table.Th>
                <Table.Th>Sealed</Table.Th>
                <Table.Th>mL · mg</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.sealed.map(({ lot, amount }) => (
                <Table.Tr key={lot.id} c={lot.expired ? 'red' : undefined}>
                  <Table.Td>{lot.productName}</Table.Td>
                  <Table.Td>{lot.lotNumber}</Table.Td>
                  <Table.Td>
                    {lot.expiresOn}{' '}
                    {lot.expired && (
                      <Badge color="red" size="sm">
                        Expired
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatContainers(amount.containers, lot.form)}</Table.Td>
                  <Table.Td>
                    {formatDecimal(amount.ml)} mL · {formatDecimal(amount.mg)} mg
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {group.opened.length > 0 && (
        <>
          <Text fw={600} size="sm" mt="sm">
            Opened containers
          </Text>
          <Table.ScrollContainer minWidth={520}>
            <Table striped aria-label={`Opened containers in ${group.location.name}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Product</Table.Th>
                  <Table.Th>Lot</Table.Th>
                  <Table.Th>Left</Table.Th>
                  <Table.Th>Opened</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.opened.map((row) => (
                  <Table.Tr key={row.containerId} c={row.lot.expired ? 'red' : undefined}>
                    <Table.Td>{row.lot.productName}</Table.Td>
                    <Table.Td>
                      {row.lot.lotNumber}
                      {row.lot.expired ? ' (expired)' : ''}
                    </Table.Td>
                    <Table.Td>
                      {formatDecimal(row.amount.ml)} mL · {formatDecimal(row.amount.mg)} mg
                    </Table.Td>
                    <Table.Td>
                      {row.openedByName ?? 'unknown'}
                      {row.openedAt ? `, ${formatDateTime(row.openedAt)}` : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}
