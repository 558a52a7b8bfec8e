import { Avatar, Button, Menu, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useSession } from '../../auth/session-context.ts';
import { useSignOut } from '../../auth/use-sign-out.ts';

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

export function UserMenu() {
  const me = useSession();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <Button variant="subtle" color="gray" px={6} aria-label={`Account menu for ${me.user.name}`}>
          <Avatar size="sm" color="teal" radius="xl">
            {initialsOf(me.user.name)}
          </Avatar>
          <Text size="sm" ml={8} visibleFrom="sm">
            {me.user.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
