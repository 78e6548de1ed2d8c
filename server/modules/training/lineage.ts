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

/** A trainer in the tree before reach is counted: generation, who certified them, the courses they ran. */
export type LineageShapeNode = Omit<LineageNode, 'reach' | 'courses'> & { courses: string[] };

/**
 * The tree without reach: who is a trainer, in which generation, certified by
 * whom, running which courses. Small (trainers and courses, not participants).
 */
export function lineageShape(input: Omit<LineageInput, 'participantsOf'>): LineageShapeNode[] {
  const coursesOf = new Map<string, string[]>();
  for (const [courseId, trainers] of input.trainersOf) {
    for (const t of new Set(trainers)) {
      const list = coursesOf.get(t);
      if (list) list.push(courseId);
      else coursesOf.set(t, [courseId]);
    }
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
  return [...everyone].map((personId) => ({ personId, generation: generation.get(personId)!, trainedBy: [...(parents.get(personId) ?? [])].sort(), courses: coursesOf.get(personId) ?? [] }));
}

/** The unique people reached: by each trainer, by each generation's trainers together, by all. */
export interface LineageReach {
  byTrainer: Map<string, number>;
  byGeneration: Map<number, number>;
  total: number;
}

/** The tree and its reach as the report shows them: by generation, the widest reach first, then by id. */
export function assembleLineage(shape: LineageShapeNode[], reach: LineageReach): LineageFigures {
  const nodes = shape.map((n) => ({ personId: n.personId, generation: n.generation, trainedBy: n.trainedBy, courses: n.courses.length, reach: reach.byTrainer.get(n.personId) ?? 0 }))
    .sort((a, b) => a.generation - b.generation || b.reach - a.reach || a.personId.localeCompare(b.personId));
  const trainers = new Map<number, number>();
  for (const n of nodes) trainers.set(n.generation, (trainers.get(n.generation) ?? 0) + 1);
  const generations = [...trainers.entries()].sort((a, b) => a[0] - b[0]).map(([g, count]) => ({ generation: g, trainers: count, reach: reach.byGeneration.get(g) ?? 0 }));
  return { nodes, generations, reach: reach.total };
}

/**
 * The whole report from the participants of each course, counted here: what
 * the service computes in SQL (`lineage-service.ts`) for want of moving every
 * participation out of the database; the reference its tests compare with.
 */
export function computeLineage(input: LineageInput): LineageFigures {
  const shape = lineageShape(input);
  const reached = (courses: string[]) => {
    const people = new Set<string>();
    for (const c of courses) for (const p of input.participantsOf.get(c) ?? []) people.add(p);
    return people;
  };
  const byGeneration = new Map<number, string[]>();
  for (const n of shape) byGeneration.set(n.generation, [...(byGeneration.get(n.generation) ?? []), ...n.courses]);
  return assembleLineage(shape, {
    byTrainer: new Map(shape.map((n) => [n.personId, reached(n.courses).size])),
    byGeneration: new Map([...byGeneration].map(([g, courses]) => [g, reached(courses).size])),
    total: reached(shape.flatMap((n) => n.courses)).size,
  });
}
