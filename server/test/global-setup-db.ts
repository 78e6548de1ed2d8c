import type { TestProject } from 'vitest/node';
import { TEST_SERVER_URL } from './database.js';
import { pgliteTemplate, postgresTemplate, removeOrphanCopies } from './template-database.js';

// Builds the run's migrated template before any test file starts, so that
// parallel workers copy it rather than each finding it missing and building it.
export default async function setup(project: TestProject) {
  if (project.config.env?.TEST_DB === 'postgres') await postgresTemplate(TEST_SERVER_URL);
  else {
    removeOrphanCopies();
    await pgliteTemplate();
  }
}
