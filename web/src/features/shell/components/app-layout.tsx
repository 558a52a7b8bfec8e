import { Affix, Alert, AppShell, Burger, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconClockHour4 } from '@tabler/icons-react';
import { Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { useSession } from '../../auth/session-context.ts';
import { useIdleSignOut } from '../../auth/use-idle-sign-out.ts';
import { listNavItems } from '../nav-items.ts';
import { ClinicSwitcher } from './clinic-switcher.tsx';
import { UserMenu } from './user-menu.tsx';

export function AppLayout() {
  const me = useSession();
  const location = useLocation();
  const [navbarOpened, navbar] = useDisclosure(false);
  const secondsLeft = useIdleSignOut(me.idleTimeoutMin);
  const navItems = listNavItems(me);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navbarOpened} onClick={navbar.toggle} hiddenFrom="sm" size="sm" aria-label="Open navigation" />
            <Title order={2} size="h4" c="teal.8">
              KetaClinic
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md" truncate>
              {me.organization.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Group visibleFrom="sm">
              <ClinicSwitcher />
            </Group>
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <Stack gap={4}>
          <Stack hiddenFrom="sm" mb="sm" px="xs">
            <ClinicSwitcher />
          </Stack>
          {navItems.map((item) => (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={item.to}
              label={item.label}
              leftSection={<item.icon size={18} />}
              active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
              onClick={navbar.close}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      {secondsLeft !== null && (
        <Affix position={{ bottom: 16, right: 16, left: 16 }} zIndex={400}>
          <Alert
            color="yellow"
            icon={<IconClockHour4 />}
            role="status"
            aria-live="polite"
            maw={520}
            ml="auto"
            style={{ boxShadow: 'var(--mantine-shadow-md)' }}
          >
            Signing out in {secondsLeft} s without activity. Move the mouse or press a key to stay signed in.
          </Alert>
        </Affix>
      )}
    </AppShell>
  );
}
