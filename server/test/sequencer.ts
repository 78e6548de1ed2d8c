import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files known to take longest (minutes where most take seconds), longest first: they start
 * first in their project. On a clean clone there are no timings of a previous run and the usual
 * order falls back to file size, which would start them late and leave one core on them alone
 * at the end of the run.
 */
const KNOWN_LONG = ['e2e/tour.test.ts', 'server/platform/http/isolation.db.test.ts', 'server/platform/processes.db.test.ts'];

/**
 * The usual order (longest or largest first, project by project), with the
 * browser journeys spread evenly through it. A journey holds a product
 * server and a browser; two at once on a small machine slow each other past
 * their time limits, while a journey beside a database test does not.
 */
export class SpreadJourneysSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = KNOWN_LONG.indexOf(path.relative(f.project.config.root, f.moduleId).split(path.sep).join('/'));
      return i < 0 ? KNOWN_LONG.length : i;
    };
    // Stable: within a project the known long files first, the rest in the usual order.
    const sorted = (await super.sort(files)).map((f, i) => ({ f, i })).sort((a, b) => (a.f.project.name === b.f.project.name ? rank(a.f) - rank(b.f) || a.i - b.i : a.i - b.i)).map(({ f }) => f);
    const journeys = sorted.filter((f) => f.project.name === 'e2e');
    const others = sorted.filter((f) => f.project.name !== 'e2e');
    if (journeys.length === 0 || others.length === 0) return sorted;
    // The first journey comes after a share of the others, while the app is
    // built and the demo data made in the background (e2e/global-setup.ts);
    // the last still has others after it to share the machine with.
    const gap = others.length / (journeys.length + 1);
    const out: TestSpecification[] = [];
    let next = 0;
    journeys.forEach((journey, i) => {
      const until = Math.round((i + 0.5) * gap);
      while (next < until) out.push(others[next++]!);
      out.push(journey);
    });
    while (next < others.length) out.push(others[next++]!);
    return out;
  }
}
