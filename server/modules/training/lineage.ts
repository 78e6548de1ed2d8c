/**
 * The lineage of trainers: a master trainer (a trainer not certified here)
 * runs a training of trainers (ToT); its completers, once certified, are
 * trainers of the next generation, and so on. Each trainer's reach is the
 * people who attended the courses they ran, each counted once; each
 * generation's reach is the people its trainers reached together, once each.
 */
export interface LineageInput {
  /** Trainers of each course. */
  trainersOf: Map<string, string[]>;
  /** Unique people who attended each course. */
  participantsOf: Map<string, string[]>;
  /** Who was certified through which ToT. */
  certifications: Array<{ personId: string; courseId: string }>;
}

export interface LineageNode {
  personId: string;
  generation: number;
  trainedBy: string[];
  courses: number;
  reach: number;
}

export interface LineageFigures {
  nodes: LineageNode[];
  generations: Array<{ generation: number; trainers: number; reach: number }>;
  reach: number;
}

export function computeLineage(input: LineageInput): LineageFigures {
  const coursesOf = new Map<string, string[]>();
  for (const [courseId, trainers] of input.trainersOf) {
    for (const t of new Set(trainers)) coursesOf.set(t, [...(coursesOf.get(t) ?? []), courseId]);
  }
  const parents = new Map<string, Set<string>>();
  for (const c of input.certifications) {
    const set = parents.get(c.personId) ?? new Set<string>();
    for (const t of input.trainersOf.get(c.courseId) ?? []) if (t !== c.personId) set.add(t);
    parents.set(c.personId, set);
  }
  const everyone = new Set([...coursesOf.keys(), ...parents.keys()]);
  for (const ps of parents.values()) for (const p of ps) everyone.add(p);

  // Generations by breadth from the roots (no one certified them here); a
  // trainer certified by trainers of different generations is in the earliest.
  const generation = new Map<string, number>();
  const children = new Map<string, string[]>();
  for (const [child, ps] of parents) for (const p of ps) children.set(p, [...(children.get(p) ?? []), child]);
  let frontier = [...everyone].filter((p) => !(parents.get(p)?.size));
  for (const p of frontier) generation.set(p, 0);
  while (frontier.length) {
    const next: string[] = [];
    for (const p of frontier) {
      for (const c of children.get(p) ?? []) {
        if (generation.has(c)) continue;
        generation.set(c, generation.get(p)! + 1);
        next.push(c);
      }
    }
    frontier = next;
  }
  // Certified in a circle only (A certified B who certified A): both stand as roots.
  for (const p of everyone) if (!generation.has(p)) generation.set(p, 0);

  const reached = (courses: string[]) => {
    const people = new Set<string>();
    for (const c of courses) for (const p of input.participantsOf.get(c) ?? []) people.add(p);
    return people;
  };
  const nodes = [...everyone].map((personId) => {
    const courses = coursesOf.get(personId) ?? [];
    return { personId, generation: generation.get(personId)!, trainedBy: [...(parents.get(personId) ?? [])].sort(), courses: courses.length, reach: reached(courses).size };
  }).sort((a, b) => a.generation - b.generation || b.reach - a.reach || a.personId.localeCompare(b.personId));

  const byGeneration = new Map<number, string[]>();
  for (const n of nodes) byGeneration.set(n.generation, [...(byGeneration.get(n.generation) ?? []), n.personId]);
  const generations = [...byGeneration.entries()].sort((a, b) => a[0] - b[0]).map(([g, trainers]) => ({
    generation: g, trainers: trainers.length, reach: reached(trainers.flatMap((t) => coursesOf.get(t) ?? [])).size,
  }));
  return { nodes, generations, reach: reached([...new Set([...coursesOf.values()].flat())]).size };
}
