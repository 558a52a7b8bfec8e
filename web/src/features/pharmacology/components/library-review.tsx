import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { diffLibraries } from '../library-diff.ts';
import {
  approveDrugLibraryVersion,
  type DrugLibrary,
  describeActor,
  type LibraryDraft,
  listDrugLibraryVersions,
  pharmacologyKeys,
} from '../pharmacology.api.ts';

/** A pending draft: who made it, what it changes against the approved library, and (for a physician) Approve. */
export function PendingDraft({ draft, current, canApprove }: { draft: LibraryDraft; current: DrugLibrary; canApprove: boolean }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const changes = diffLibraries(current, draft.library);
  const approve = useMutation({
    mutationFn: () => approveDrugLibraryVersion(draft.version, note.trim() ? { note: note.trim() } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pharmacologyKeys.library }),
  });
  return (
    <Paper withBorder p="md" radius="md" data-testid="pending-draft">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Draft {draft.version} awaiting approval
        </Title>
        <Text size="sm" c="dimmed">
          Created by {describeActor(draft.createdBy)} on {formatDateTime(draft.createdAt)}.
        </Text>
        {changes.length === 0 ? (
          <Text size="sm">No change to products, entries or limits against the approved library.</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table withTableBorder fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Where</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Change</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map((change) => (
                  <Table.Tr key={`${change.where}|${change.what}|${change.change}`}>
                    <Table.Td>{change.where}</Table.Td>
                    <Table.Td>{change.what}</Table.Td>
                    <Table.Td>{change.change}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canApprove ? (
          <Stack gap="xs">
            <Textarea label="Approval note" value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} />
            {approve.isError && (
              <Alert color="red" role="alert" title="Not approved">
                {describeError(approve.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button color="teal" onClick={() => approve.mutate()} loading={approve.isPending}>
                Approve {draft.version}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              Approving makes this version the clinic's library for every dose check. You cannot approve a draft you created.
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            A physician of this clinic approves the draft before it applies.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

const STATUS_LABELS: Record<string, string> = {
  current: 'in use',
  superseded: 'superseded',
  draft: 'draft, awaiting approval',
  stale_draft: 'draft, outdated (made from an older version)',
};

/** Every version of the clinic's library, newest first as the server lists them. */
export function VersionHistory() {
  const versions = useQuery({ queryKey: pharmacologyKeys.versions, queryFn: listDrugLibraryVersions });
  if (versions.isPending) return <Loader size="sm" aria-label="Loading the version history" />;
  if (versions.isError) return <Text c="red">{describeError(versions.error)}</Text>;
  if (versions.data.items.length === 0) return <Text c="dimmed">No version saved yet: the clinic uses the default library.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Approved</Table.Th>
            <Table.Th>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.data.items.map((version) => (
            <Table.Tr key={version.version}>
              <Table.Td>
                {version.version}
                <Text size="xs" c="dimmed">
                  {version.libraryVersion}
                </Text>
              </Table.Td>
              <Table.Td>{STATUS_LABELS[version.status] ?? version.status}</Table.Td>
              <Table.Td>
                {version.createdAt ? formatDateTime(version.createdAt) : ''}{' '}
                {version.createdBy ? `by ${describeActor(version.createdBy)}` : ''}
              </Table.Td>
              <Table.Td>
                {version.approvedAt ? formatDateTime(version.approvedAt) : ''}{' '}
                {version.approvedBy ? `by ${describeActor(version.approvedBy)}` : ''}
              </Table.Td>
              <Table.Td>{[version.note, version.approvalNote].filter(Boolean).join(' / ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
