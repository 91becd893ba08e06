import type { Command } from '../command.ts';
import { auditVerifyCommand } from './audit-verify.ts';
import { casesExportCommand } from './cases-export.ts';
import { casesImportCommand } from './cases-import.ts';
import { demoSeedCommand } from './demo-seed.ts';
import { instanceCommands } from './instance.ts';
import { migrateCommand } from './migrate.ts';
import { orgCreateCommand } from './org-create.ts';
import { referralsReportCommand } from './referrals.ts';
import { screenCommand } from './screen.ts';
import { serveCommand } from './serve.ts';
import { servicesCommands } from './services.ts';
import { userCreateCommand } from './user-create.ts';

/** Every `lantern` sub-command. Add a new one here. */
export const commands: Command[] = [
  serveCommand,
  migrateCommand,
  orgCreateCommand,
  userCreateCommand,
  auditVerifyCommand,
  demoSeedCommand,
  casesImportCommand,
  casesExportCommand,
  screenCommand,
  referralsReportCommand,
  ...servicesCommands,
  ...instanceCommands,
];
