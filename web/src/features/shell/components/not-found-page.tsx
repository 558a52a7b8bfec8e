import { Button, EmptyState } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <EmptyState
      icon={<IconMapOff />}
      title="Nothing here"
      description="This page does not exist, or your role in this clinic does not give access to it."
      mt="xl"
    >
      <Button component={Link} to="/" variant="light" mt="md">
        Go to the start page
      </Button>
    </EmptyState>
  );
}
