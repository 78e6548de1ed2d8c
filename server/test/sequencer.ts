import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The usual order (longest or largest first, project by project), with the
 * browser journeys spread evenly through it. A journey holds a product
 * server and a browser; two at once on a small machine slow each other past
 * their time limits, while a journey beside a database test does not.
 */
export class SpreadJourneysSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
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
