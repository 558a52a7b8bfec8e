import { Alert, Anchor, Badge, Center, Group, Loader, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { describeError } from '../../../lib/api-client.ts';
import { hasAnyRole } from '../../auth/auth.api.ts';
import { useSession } from '../../auth/session-context.ts';
import { NotFoundPage } from '../../shell/components/not-found-page.tsx';
import type { Registration } from '../ledger.api.ts';
import { LEDGER_READ_ROLES } from '../ledger-roles.ts';
import { describeDaysToExpiry, EXPIRY_BADGE } from '../stock-view-model.ts';
import { useSelectedRegistration } from '../use-ledger.ts';

const SECTIONS = [
  { value: '/ledger', label: 'Stock' },
  { value: '/ledger/new', label: 'New entry' },
  { value: '/ledger/count', label: 'Count' },
  { value: '/ledger/reports', label: 'Reports' },
];

/**
 * The frame of every ledger screen: title, the DEA registration picker (kept in `?registration=`), the expiry badge
 * and the section tabs. `children` renders with the chosen registration; `empty` when the clinic has none yet.
 */
export function LedgerFrame({
  title,
  children,
  empty,
}: {
  title: string;
  children: (registration: Registration) => ReactNode;
  empty?: ReactNode;
}) {
  const me = useSession();
  const allowed = hasAnyRole(me, LEDGER_READ_ROLES);
  const { registrations, items, selected, select } = useSelectedRegistration();
  const location = useLocation();
  const navigate = useNavigate();
  if (!allowed) return <NotFoundPage />;
  const section = SECTIONS.slice()
    .reverse()
    .find((s) => location.pathname === s.value || location.pathname.startsWith(`${s.value}/`));
  const search = selected ? `?registration=${encodeURIComponent(selected.id)}` : '';
  return (
    <Stack maw={1200} gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            Schedule III ledger: every entry is kept, chained and never deleted.
          </Text>
        </div>
        {items.length > 1 && selected && (
          <Select
            label="DEA registration"
            data={items.map((r) => ({ value: r.id, label: `${r.deaNumber} · ${r.registrantName}` }))}
            value={selected.id}
            onChange={(value) => value && select(value)}
            allowDeselect={false}
            w={{ base: '100%', sm: 320 }}
          />
        )}
      </Group>
      <Tabs value={section?.value ?? '/ledger'} onChange={(value) => value && navigate(`${value}${search}`)}>
        <Tabs.List>
          {SECTIONS.map((s) => (
            <Tabs.Tab key={s.value} value={s.value}>
              {s.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {registrations.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading DEA registrations" />
        </Center>
      ) : registrations.isError ? (
        <Alert color="red" role="alert" title="The ledger could not be loaded">
          {describeError(registrations.error)}{' '}
          <Anchor component="button" onClick={() => registrations.refetch()}>
            Try again
          </Anchor>
        </Alert>
      ) : selected ? (
        <>
          <RegistrationLine registration={selected} />
          {children(selected)}
        </>
      ) : (
        (empty ?? (
          <Alert color="yellow" title="No DEA registration yet">
            An administrator records the clinic's DEA registration on the Stock page first.
          </Alert>
        ))
      )}
    </Stack>
  );
}

export function RegistrationLine({ registration }: { registration: Registration }) {
  const badge = EXPIRY_BADGE[registration.expiryStatus];
  return (
    <Group gap="xs" wrap="wrap" data-testid="registration-line">
      <Text fw={600}>DEA {registration.deaNumber}</Text>
      <Text size="sm" c="dimmed">
        {registration.registrantName}
      </Text>
      <Badge color={badge.color} variant="light" tt="none">
        {badge.label}
      </Badge>
      <Text size="sm" c={registration.expiryStatus === 'ok' ? 'dimmed' : badge.color}>
        {describeDaysToExpiry(registration.daysToExpiry)} ({registration.expiresOn})
      </Text>
    </Group>
  );
}
