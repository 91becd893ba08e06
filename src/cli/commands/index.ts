import type { Command } from '../command.ts';
import { auditVerifyCommand } from './audit-verify.ts';
import { casesExportCommand } from './cases-export.ts';
import { casesImportCommand } from './cases-import.ts';
import { hubAnonymizeCommand } from './hub-anonymize.ts';
import { hubGenerateCommand } from './hub-generate.ts';
import { demoSeedCommand } from './demo-seed.ts';
import { instanceCommands } from './instance.ts';
import { linkCommands } from './link.ts';
import { migrateCommand } from './migrate.ts';
import { namesScoreCommand } from './names.ts';
import { orgCreateCommand } from './org-create.ts';
import { pprlCommands } from './pprl.ts';
import { referralsReportCommand } from './referrals.ts';
import { reuniteReindexCommand } from './reunite.ts';
import { screenCommand } from './screen.ts';
import { serveCommand } from './serve.ts';
import { servicesCommands } from './services.ts';
import { userCreateCommand } from './user-create.ts';
import { hubDpCommands } from './hub-dp.ts';
import { insightsCommands } from './insights.ts';

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
  reuniteReindexCommand,
  namesScoreCommand,
  ...servicesCommands,
  ...instanceCommands,
  ...pprlCommands,
  ...linkCommands,
  ...hubDpCommands,
  hubAnonymizeCommand,
  hubGenerateCommand,
  ...insightsCommands,
];
