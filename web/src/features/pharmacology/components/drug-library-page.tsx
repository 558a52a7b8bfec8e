import { Alert, Anchor, Badge, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconEdit } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { hasAnyRole } from '../../auth/auth.api.ts';
import { useSession } from '../../auth/session-context.ts';
import { NotFoundPage } from '../../shell/components/not-found-page.tsx';
import { describeActor, getDrugLibrary, type LibraryCurrent, pharmacologyKeys } from '../pharmacology.api.ts';
import { LIBRARY_APPROVE_ROLES, LIBRARY_EDIT_ROLES, LIBRARY_VIEW_ROLES } from '../pharmacology-roles.ts';
import { LibraryDraftEditor } from './library-draft-editor.tsx';
import { PendingDraft, VersionHistory } from './library-review.tsx';
import { LibraryTables } from './library-tables.tsx';

/** /admin/drug-library - the clinic's approved drug library; admins draft edits, physicians approve them. */
export function DrugLibraryPage() {
  const me = useSession();
  const allowed = hasAnyRole(me, LIBRARY_VIEW_ROLES);
  const library = useQuery({ queryKey: pharmacologyKeys.library, queryFn: getDrugLibrary, enabled: allowed });
  const [editing, setEditing] = useState(false);
  const canEdit = hasAnyRole(me, LIBRARY_EDIT_ROLES);

  if (!allowed) return <NotFoundPage />;
  if (library.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the drug library" />
      </Center>
    );
  if (library.isError)
    return (
      <Alert color="red" title="The drug library could not be loaded" role="alert" maw={700}>
        {describeError(library.error)}{' '}
        <Anchor component="button" onClick={() => library.refetch()}>
          Try again
        </Anchor>
      </Alert>
    );
  const { current, draft } = library.data;
  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            Drug library
          </Title>
          <Text size="sm" c="dimmed">
            {current.library.name}
          </Text>
        </div>
        {canEdit && !editing && (
          <Button leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)} disabled={draft !== null}>
            New draft
          </Button>
        )}
      </Group>
      <CurrentVersion current={current} />
      {canEdit && draft !== null && !editing && (
        <Text size="sm" c="dimmed">
          A draft is already waiting for approval; a new draft can be made once it is approved.
        </Text>
      )}
      {editing && (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            New draft from {current.library.version}
          </Title>
          <LibraryDraftEditor library={current.library} onDone={() => setEditing(false)} />
        </Paper>
      )}
      {draft && <PendingDraft draft={draft} current={current.library} canApprove={hasAnyRole(me, LIBRARY_APPROVE_ROLES)} />}
      <LibraryTables library={current.library} />
      <Stack gap="xs">
        <Title order={2} size="h4">
          Version history
        </Title>
        <VersionHistory />
      </Stack>
    </Stack>
  );
}

function CurrentVersion({ current }: { current: LibraryCurrent }) {
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text fw={600}>
          In use: {current.isDefault ? current.library.version : `version ${current.version} (${current.library.version})`}
        </Text>
        <Badge color={current.isDefault ? 'orange' : 'teal'} variant="light" tt="none">
          {current.isDefault ? 'default library' : 'approved by this clinic'}
        </Badge>
        {current.approvedAt && (
          <Text size="sm" c="dimmed">
            approved {formatDateTime(current.approvedAt)}
            {current.approvedBy ? ` by ${describeActor(current.approvedBy)}` : ''}
          </Text>
        )}
      </Group>
      {current.isDefault && (
        <Alert color="orange" icon={<IconAlertTriangle />} title="Starting point for clinic policy, not approved by this clinic">
          These are KetaClinic's default limits from published sources. Limits marked unverified are derived or unconfirmed. The clinic's
          physicians review every limit: an admin saves the clinic's version as a draft and a physician approves it.
        </Alert>
      )}
    </Stack>
  );
}
