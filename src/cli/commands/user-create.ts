import { ROLES, Email, NewPassword, Role } from '../../shared/api/auth.schema.ts';
import { Uuid } from '../../shared/api/common.schema.ts';
import { SYSTEM } from '../../server/db/database.ts';
import { provisionUser } from '../../server/organisations/organisations.service.ts';
import { systemClock } from '../../server/shared/clock.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { COMMON_OPTIONS, parse, withRuntime } from '../runtime-args.ts';

export const userCreateCommand: Command = {
  path: ['user', 'create'],
  summary: 'Create a user; without --password-stdin a one-time password is printed',
  usage: `user create --org ORG_ID --email EMAIL --role ${ROLES.join('|')} [--name NAME] [--password-stdin] [--data DIR] [--json]`,
  async run(args, io) {
    const { values } = parse(args, {
      ...COMMON_OPTIONS,
      org: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    });
    const org = Uuid.safeParse(values.org);
    if (!org.success) throw new UsageError('--org must be an organisation id (UUID)');
    const email = Email.safeParse(values.email ?? '');
    if (!email.success) throw new UsageError('--email must be an e-mail address');
    const role = Role.safeParse(values.role);
    if (!role.success) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    let password: string | undefined;
    if (values['password-stdin']) {
      // The first line of standard input; the password never appears in argv or the shell history.
      password = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
      const ok = NewPassword.safeParse(password);
      if (!ok.success) throw new UsageError('the password must be 12 to 256 characters');
    }
    const created = await withRuntime(values.data, (rt) =>
      rt.db.transaction(SYSTEM, (tx) =>
        provisionUser(
          tx,
          { clock: systemClock },
          {
            orgId: org.data,
            email: email.data,
            role: role.data,
            ...(values.name ? { displayName: values.name } : {}),
            ...(password !== undefined ? { password } : {}),
          },
        ),
      ),
    );
    if (values.json) io.out(JSON.stringify(created));
    else {
      io.out(`Created user ${created.id}`);
      if (created.oneTimePassword) {
        io.out(
          `One-time password (shown once; to be changed at first sign-in): ${created.oneTimePassword}`,
        );
      }
    }
    return 0;
  },
};
