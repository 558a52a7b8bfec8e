import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { toFormErrors } from '../../../lib/form-errors.ts';
import type { Clinic, ClinicInput } from '../admin.api.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TIME_ZONES = Intl.supportedValuesOf('timeZone');

interface ClinicDraft {
  name: string;
  address: string;
  phone: string;
  timeZone: string;
  days: { open: boolean; opens: string; closes: string }[];
  idleTimeoutMin: number | string;
  requireTotpForPhysiciansAndAdmins: boolean;
  reevaluationMonths: number | string;
}

function toDraft(clinic?: Clinic): ClinicDraft {
  return {
    name: clinic?.name ?? '',
    address: clinic?.address ?? '',
    phone: clinic?.phone ?? '',
    timeZone: clinic?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    days: WEEKDAYS.map((_, day) => {
      const hours = clinic?.hours.find((entry) => entry.day === day);
      return hours ? { open: true, opens: hours.opens, closes: hours.closes } : { open: false, opens: '08:00', closes: '17:00' };
    }),
    idleTimeoutMin: clinic?.settings.idleTimeoutMin ?? 15,
    requireTotpForPhysiciansAndAdmins: clinic?.settings.requireTotpForPhysiciansAndAdmins ?? false,
    reevaluationMonths: clinic?.settings.reevaluationMonths ?? 12,
  };
}

function fromDraft(draft: ClinicDraft): ClinicInput {
  return {
    name: draft.name.trim(),
    address: draft.address.trim(),
    phone: draft.phone.trim(),
    timeZone: draft.timeZone,
    hours: draft.days.flatMap((entry, day) => (entry.open ? [{ day, opens: entry.opens, closes: entry.closes }] : [])),
    settings: {
      idleTimeoutMin: Number(draft.idleTimeoutMin),
      requireTotpForPhysiciansAndAdmins: draft.requireTotpForPhysiciansAndAdmins,
      reevaluationMonths: Number(draft.reevaluationMonths),
    },
  };
}

/** The server names hours by list position; the form by weekday row. */
function renameIssuePath(path: string, draft: ClinicDraft): string {
  const openDays = draft.days.flatMap((entry, day) => (entry.open ? [day] : []));
  return path.replace(/^hours\.(\d+)/, (_, index: string) => `days.${openDays[Number(index)] ?? index}`).replace(/^settings\./, '');
}

/** Create or edit a clinic: contact, IANA time zone, opening hours per weekday and security settings. */
export function ClinicForm(props: {
  clinic?: Clinic;
  submitLabel: string;
  onSubmit: (input: ClinicInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useForm<ClinicDraft>({
    initialValues: toDraft(props.clinic),
    validate: {
      name: (value) => (value.trim() ? null : 'Enter the clinic name'),
      address: (value) => (value.trim() ? null : 'Enter the address'),
      phone: (value) => (value.trim() ? null : 'Enter the phone number'),
      timeZone: (value) => (value ? null : 'Choose the time zone'),
      idleTimeoutMin: (value) => (Number(value) >= 1 ? null : 'At least 1 minute'),
      reevaluationMonths: (value) => (Number(value) >= 1 && Number(value) <= 60 ? null : '1 to 60 months'),
      days: { closes: (value, values, path) => closesAfterOpens(value, values, path) },
    },
  });
  const save = useMutation({
    mutationFn: (values: ClinicDraft) => props.onSubmit(fromDraft(values)),
    onError: (error, values) => {
      if (isApiError(error, 400)) form.setErrors(toFormErrors(error.fieldIssues, (path) => renameIssuePath(path, values)));
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Phone" type="tel" required {...form.getInputProps('phone')} />
          <Select
            label="Time zone (IANA)"
            data={TIME_ZONES}
            searchable
            required
            allowDeselect={false}
            {...form.getInputProps('timeZone')}
          />
        </SimpleGrid>
        <Textarea label="Address" required autosize minRows={2} {...form.getInputProps('address')} />
        <Fieldset legend="Opening hours">
          <Stack gap={6}>
            {WEEKDAYS.map((weekday, day) => (
              <Group key={weekday} gap="xs" wrap="nowrap" align="flex-start">
                <Checkbox label={weekday} w={120} mt={8} {...form.getInputProps(`days.${day}.open`, { type: 'checkbox' })} />
                {form.values.days[day]?.open ? (
                  <>
                    <TextInput aria-label={`${weekday} opens`} type="time" w={120} {...form.getInputProps(`days.${day}.opens`)} />
                    <TextInput aria-label={`${weekday} closes`} type="time" w={120} {...form.getInputProps(`days.${day}.closes`)} />
                  </>
                ) : (
                  <Text size="sm" c="dimmed" mt={8}>
                    Closed
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        </Fieldset>
        <Fieldset legend="Security">
          <Stack>
            <NumberInput
              label="Sign out after minutes without activity"
              description="Shared tablets: a chart must not stay open for the next person."
              min={1}
              max={720}
              allowDecimal={false}
              w={280}
              {...form.getInputProps('idleTimeoutMin')}
            />
            <Switch
              label="Require an authenticator app (TOTP) for physicians and admins"
              {...form.getInputProps('requireTotpForPhysiciansAndAdmins', { type: 'checkbox' })}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend="Clinical policy">
          <NumberInput
            label="Candidacy re-evaluation due after (months)"
            description="A signed evaluation is marked due for re-evaluation after this long."
            min={1}
            max={60}
            allowDecimal={false}
            w={280}
            {...form.getInputProps('reevaluationMonths')}
          />
        </Fieldset>
        {save.isError && <FormErrorAlert error={save.error} title="Not saved" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function closesAfterOpens(closes: string, values: ClinicDraft, path: string): string | null {
  const day = values.days[Number(path.split('.')[1])];
  return day?.open && closes <= day.opens ? 'Closes before it opens' : null;
}
