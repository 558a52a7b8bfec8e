import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { describeError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { completeLossTask, type LossTask, type LossTaskKind, type Registration } from '../ledger.api.ts';
import { useInvalidateLedger, useLossTasks } from '../use-ledger.ts';

/** 21 CFR 1301.76(b): written notice within one business day of discovery; DEA Form 106 within 45 days. */
export const LOSS_TASK_LABELS: Record<LossTaskKind, string> = {
  dea_notice_1_business_day: 'Written notice to the DEA (within 1 business day)',
  form_106_45_days: 'DEA Form 106 (within 45 days)',
};

export function LossTasksPanel({ registration }: { registration: Registration }) {
  const tasks = useLossTasks(registration.id);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Loss and theft tasks
      </Title>
      {tasks.isPending ? (
        <Loader size="sm" aria-label="Loading loss tasks" />
      ) : tasks.isError ? (
        <Alert color="red">{describeError(tasks.error)}</Alert>
      ) : tasks.data.items.length === 0 ? (
        <Text c="dimmed">No loss or theft has been recorded.</Text>
      ) : (
        <Stack gap="sm">
          {tasks.data.items.map((task) => (
            <TaskRow key={`${task.lossEntryId}:${task.task}`} registration={registration} task={task} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function TaskRow({ registration, task }: { registration: Registration; task: LossTask }) {
  const invalidate = useInvalidateLedger();
  const [note, setNote] = useState('');
  const [reference, setReference] = useState('');
  const [open, setOpen] = useState(false);
  const done = task.status === 'done';
  const overdue = task.status === 'overdue';
  const complete = useMutation({
    mutationFn: () =>
      completeLossTask(registration.id, task.lossEntryId, task.task, {
        note: note.trim(),
        ...(reference.trim() ? { reference: reference.trim() } : {}),
      }),
    onSuccess: async () => {
      setOpen(false);
      await invalidate(registration.id);
    },
  });
  return (
    <Stack gap={4} data-testid="loss-task">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Text size="sm">{task.title || LOSS_TASK_LABELS[task.task]}</Text>
          <Text size="xs" c="dimmed">
            {task.loss.lossType === 'theft' ? 'Theft' : 'Loss'} of {task.loss.quantity.value} {task.loss.quantity.unit},{' '}
            {task.loss.productName} lot {task.loss.lotNumber}, discovered {formatDateTime(task.loss.discoveredAt)}
            {done && task.completedBy
              ? ` · done by ${task.completedBy.name}${task.completedAt ? `, ${formatDateTime(task.completedAt)}` : ''}`
              : ''}
            {done && task.reference ? ` · ref. ${task.reference}` : ''}
          </Text>
        </div>
        <Group gap="xs">
          <Text size="sm" c={overdue ? 'red' : 'dimmed'}>
            due {formatDateTime(task.dueAt)}
          </Text>
          <Badge color={done ? 'teal' : overdue ? 'red' : 'orange'}>{done ? 'Done' : overdue ? 'Overdue' : 'Open'}</Badge>
          {!done && !open && (
            <Button size="xs" variant="light" onClick={() => setOpen(true)}>
              Mark done
            </Button>
          )}
        </Group>
      </Group>
      {open && (
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="What was done"
            required
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            w={{ base: '100%', sm: 320 }}
          />
          <TextInput
            label="Reference (optional)"
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            w={{ base: '100%', sm: 200 }}
          />
          <Button size="xs" onClick={() => complete.mutate()} loading={complete.isPending} disabled={!note.trim()}>
            Save
          </Button>
        </Group>
      )}
      {complete.isError && <FormErrorAlert error={complete.error} title="The task was not marked done" />}
    </Stack>
  );
}
