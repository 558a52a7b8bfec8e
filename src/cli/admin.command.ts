import type { Command } from 'commander';
import { z } from 'zod';
import { insertUserAccount } from '../app/admin.usecases.ts';
import { verifyAuditTrail } from '../app/audit.usecases.ts';
import { seedDemo } from '../app/demo.usecases.ts';
import { fail, withDatabase } from './cli-support.ts';

const createUserOptionsSchema = z.object({
  email: z.email(),
  name: z.string().min(1),
  role: z.enum(['admin', 'physician', 'nurse', 'front_desk']),
  clinic: z.string().optional(),
  organizationName: z.string().min(1).optional(),
  clinicName: z.string().min(1).optional(),
  timeZone: z.string().min(1).optional(),
});

export function registerAdminCommands(program: Command) {
  program
    .command('migrate')
    .description('Apply the committed database migrations (also done on every start).')
    .action(async () => {
      await withDatabase(async () => undefined);
      process.stdout.write('Migrations applied.\n');
    });

  program
    .command('seed-demo')
    .description('Seed the demo organization, clinics, users and 30 synthetic patients into an empty database.')
    .action(async () => {
      const seeded = await withDatabase((deps) => seedDemo(deps));
      if (!seeded) return fail('the database already has an organization; the demo seeds only an empty database.');
      process.stdout.write('Seeded the demo clinic (accounts *@demo.clinic accept sign-in only under `serve --demo`).\n');
    });

  program
    .command('create-user')
    .description('Create a staff account. On an empty database, also creates the organization and first clinic.')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', 'admin, physician, nurse or front_desk')
    .option('--clinic <id>', 'clinic id for the role (default: the first clinic)')
    .option('--organization-name <name>', 'organization name (empty database only)')
    .option('--clinic-name <name>', 'first clinic name (empty database only)')
    .option('--time-zone <zone>', 'first clinic IANA time zone, e.g. America/Denver (empty database only)')
    .addHelpText(
      'after',
      '\nThe password is read from the KETACLINIC_PASSWORD environment variable (at least 12 characters), never from argv.',
    )
    .action(async (raw: Record<string, string>) => {
      const parsed = createUserOptionsSchema.safeParse(raw);
      const password = process.env.KETACLINIC_PASSWORD ?? '';
      if (!parsed.success) return fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '), 2);
      if (password.length < 12) return fail('set KETACLINIC_PASSWORD to a password of at least 12 characters', 2);
      const options = parsed.data;
      const message = await withDatabase(async (deps) => {
        let organization = await deps.repos.organization.findOrganization();
        if (!organization) {
          if (!options.organizationName || !options.clinicName || !options.timeZone)
            return 'the database is empty: give --organization-name, --clinic-name and --time-zone to create the first clinic';
          const at = deps.clock();
          await deps.repos.organization.insertOrganization({ id: deps.newId(), name: options.organizationName, at });
          organization = (await deps.repos.organization.findOrganization())!;
          await deps.repos.organization.insertClinic({
            id: deps.newId(),
            organizationId: organization.id,
            name: options.clinicName,
            address: '',
            phone: '',
            timeZone: options.timeZone,
            hours: [],
            settings: { idleTimeoutMin: 15, requireTotpForPhysiciansAndAdmins: false },
            at,
          });
        }
        const clinics = await deps.repos.organization.listClinics(organization.id);
        const clinic = options.clinic ? clinics.find((c) => c.id === options.clinic) : clinics[0];
        if (!clinic) return `no clinic ${options.clinic ?? ''}`;
        if (await deps.repos.organization.findUserByEmail(options.email)) return 'a user with that email already exists';
        const id = await insertUserAccount(
          {
            email: options.email,
            name: options.name,
            password,
            organizationId: organization.id,
            roles: [{ clinicId: clinic.id, role: options.role }],
          },
          deps,
        );
        process.stdout.write(`Created user ${id} (${options.role} at ${clinic.name}).\n`);
        return null;
      });
      if (message) fail(message, 2);
    });

  const audit = program.command('audit').description('Audit trail tools.');
  audit
    .command('verify')
    .description('Recompute every clinic hash chain; exit 1 naming the first broken entry.')
    .action(async () => {
      const result = await withDatabase((deps) => verifyAuditTrail(deps));
      for (const clinic of result.clinics)
        process.stdout.write(`clinic ${clinic.clinicId}: ${clinic.entries} entries, head ${clinic.headSeq ?? 'none'}\n`);
      if (!result.firstBreak) return void process.stdout.write('Audit trail intact.\n');
      const { clinicId, seq, reason } = result.firstBreak;
      fail(`audit trail broken: first bad entry is clinic ${clinicId} seq ${seq} (${reason})`);
    });
}
