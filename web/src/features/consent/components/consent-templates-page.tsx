import { Alert, Badge, Button, Card, Center, Checkbox, Group, Loader, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { hasAnyRole } from '../../auth/auth.api.ts';
import { useSession } from '../../auth/session-context.ts';
import { NotFoundPage } from '../../shell/components/not-found-page.tsx';
import { type ConsentTemplateVersion, consentKeys, createTemplateVersion, listConsentTemplates, ROUTE_LABELS } from '../consent.api.ts';
import { CONSENT_TEMPLATE_EDIT_ROLES } from '../consent-roles.ts';

/** /admin/consent-templates - each route's consent text and its versions; admins write a new version. */
export function ConsentTemplatesPage() {
  const me = useSession();
  const allowed = hasAnyRole(me, CONSENT_TEMPLATE_EDIT_ROLES);
  const templates = useQuery({ queryKey: consentKeys.templates, queryFn: listConsentTemplates, enabled: allowed });
  const [editing, setEditing] = useState<string | null>(null);
  if (!allowed) return <NotFoundPage />;
  if (templates.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading consent templates" />
      </Center>
    );
  if (templates.isError) return <Alert color="red">{describeError(templates.error)}</Alert>;
  const current = templates.data.items.filter((t) => t.isCurrent);
  return (
    <Stack maw={1000}>
      <Title order={1} size="h2">
        Consent templates
      </Title>
      <Text size="sm" c="dimmed">
        The shipped texts are templates for your clinic's own legal review. A version marked as a material change asks every patient who
        signed an earlier version to sign again before the next session.
      </Text>
      {current.map((t) => {
        const versions = templates.data.items.filter((v) => v.templateId === t.templateId);
        return (
          <Card withBorder key={t.templateId}>
            <Group justify="space-between" wrap="wrap">
              <div>
                <Text fw={600}>{t.title}</Text>
                <Text size="sm" c="dimmed">
                  {ROUTE_LABELS[t.routeGroup]}, version {t.version}, {versions.length} version{versions.length === 1 ? '' : 's'}
                </Text>
              </div>
              <Button size="xs" onClick={() => setEditing(t.templateId)} disabled={editing === t.templateId}>
                New version
              </Button>
            </Group>
            <Stack gap={2} mt="xs">
              {versions.map((v) => (
                <Text size="xs" key={v.version}>
                  v{v.version}{' '}
                  {v.materialChange ? (
                    <Badge size="xs">material</Badge>
                  ) : (
                    <Badge size="xs" color="gray">
                      editorial
                    </Badge>
                  )}{' '}
                  {formatDateTime(v.createdAt)} by {v.createdBy?.name ?? 'KetaClinic default'}
                </Text>
              ))}
            </Stack>
            {editing === t.templateId && <NewVersionForm template={t} onDone={() => setEditing(null)} />}
          </Card>
        );
      })}
    </Stack>
  );
}

function NewVersionForm({ template, onDone }: { template: ConsentTemplateVersion; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(template.title);
  const [body, setBody] = useState(template.body);
  const [materialChange, setMaterialChange] = useState(true);
  const mutation = useMutation({
    mutationFn: () => createTemplateVersion(template.templateId, { title, body, materialChange }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consentKeys.templates });
      onDone();
    },
  });
  return (
    <Stack mt="md">
      <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Textarea label="Text" required value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={8} maxRows={24} />
      <Checkbox
        label="Material change (patients must sign again before their next session)"
        checked={materialChange}
        onChange={(e) => setMaterialChange(e.currentTarget.checked)}
      />
      {mutation.isError && <Alert color="red">{describeError(mutation.error)}</Alert>}
      <Group>
        <Button onClick={() => mutation.mutate()} loading={mutation.isPending} disabled={!title.trim() || !body.trim()}>
          Save version {template.version + 1}
        </Button>
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
