import type { ImportMapping, ImportReport } from '../../../../contracts/member-import.js';
import type { Table } from '../../../platform/files/read-table.js';
import type { TaskKind } from '../../../platform/tasks/task-runner.js';
import { checkImport } from './check-import.js';
import { commitImport, type CommitChoices } from './commit-import.js';
import { undoImport } from './undo-import.js';

/** The dry run of an import, as a task: its result is the report. */
export const importCheckTask: TaskKind<{ table: Table; mapping: ImportMapping }> = {
  kind: 'members.import.check',
  permission: 'members.import',
  run: async (work, { table, mapping }): Promise<ImportReport> => (await checkImport(work, table, mapping)).report,
};

/** The import itself, as a task: its result is what it created, merged and skipped. */
export const importCommitTask: TaskKind<{ table: Table; mapping: ImportMapping; choices: CommitChoices; filename: string }> = {
  kind: 'members.import.commit',
  permission: 'members.import',
  async run(work, { table, mapping, choices, filename }) {
    const result = await commitImport(work, table, mapping, choices, filename);
    // A bulk write: searches plan badly until the statistics know the new rows.
    await work.analyse(['members', 'member_name_starts', 'member_name_words', 'member_name_vocabulary', 'member_name_spellings', 'membership_status_history', 'member_contacts']);
    return result;
  },
  // The import commits as it goes; commitImport takes back its own failures, this one those of a lost process.
  undo: (ctx, taskId) => undoImport(ctx, { taskId }),
};
