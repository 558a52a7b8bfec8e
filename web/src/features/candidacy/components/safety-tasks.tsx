import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { completeSafetyTask, listSafetyTasks, type SafetyTask, taskKeys } from '../candidacy.api.ts';

/** This patient's open safety tasks (PHQ-9 item 9 above 0, DOMAIN.md 8): a clinician records what was done. */
export function SafetyTasks({ patientId }: { patientId: string }) {
  const tasks = useQuery({ queryKey: taskKeys.all, queryFn: listSafetyTasks });
  const open = (tasks.data ?? []).filter((task) => task.patientId === patientId && task.completedAt === null);
  if (open.length === 0) return null;
  return (
    <Stack gap="xs">
      {open.map((task) => (
        <OpenTask key={task.id} task={task} />
      ))}
    </Stack>
  );
}

function OpenTask({ task }: { task: SafetyTask }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const complete = useMutation({
    mutationFn: () => completeSafetyTask(task.id, note.trim()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title="Open safety task: PHQ-9 item 9 above 0">
      <Stack gap="xs">
        <Text size="sm">Created {formatDateTime(task.createdAt)}. Assess safety with the patient and record what was done.</Text>
        <Textarea
          label="What was done"
          autosize
          minRows={2}
          maxLength={4000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        {complete.isError && <FormErrorAlert error={complete.error} title="The task was not completed" />}
        <Group justify="flex-end">
          <Button size="xs" color="red" disabled={!note.trim()} loading={complete.isPending} onClick={() => complete.mutate()}>
            Complete task
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
