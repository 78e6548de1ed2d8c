import { z } from 'zod';
import { Uuid } from './common.js';
import { MeasureRole } from './led-implementation.js';
import { LedRegion, MeasureStatus } from './led.js';

// ---- the LED roll-up (issue 17.9): every region's measures, budgets and results, and its map ----

/** People of one role: each once, beside the simple sum (each measure's people added up). */
export const RollupPeople = z.object({ people: z.number(), sum: z.number() });
export type RollupPeople = z.infer<typeof RollupPeople>;
const Share = z.object({ num: z.number(), den: z.number() });
const ByRole = <T extends z.ZodType>(t: T) => z.object({ participant: t, new_job: t, higher_income: t });

/** A region as the list of regions shows it (its ISO 3166-2 code in `region`), with what its measures add up to. */
export const RollupRegion = LedRegion.pick({ id: true, name: true, region: true, district: true, branchId: true, branchName: true, measures: true }).extend({
  /** Minor units of the organisation's currency: the measures' budgets, and their budget lines planned and actual. */
  budget: z.number(),
  planned: z.number(),
  actual: z.number(),
  people: ByRole(RollupPeople),
  /** Measures still effective at their latest follow-up, among those with one due (pooled). */
  effective: Share,
});
export type RollupRegion = z.infer<typeof RollupRegion>;

/** Over all regions shown: people once across measures and regions, and where the simple sums differ, why. */
export const RollupTotalPeople = RollupPeople.extend({
  /** Σ of the regions' people (a person of two regions counts twice). */
  sumOfRegions: z.number(),
  /** People recorded on two measures or more in this role. */
  inSeveralMeasures: z.number(),
  /** People recorded on measures of two regions or more in this role. */
  inSeveralRegions: z.number(),
});
export type RollupTotalPeople = z.infer<typeof RollupTotalPeople>;

export const LedRollup = z.object({
  currency: z.string(),
  branchId: Uuid.nullable(),
  regions: z.array(RollupRegion),
  total: z.object({
    regions: z.number(),
    measures: z.number(),
    budget: z.number(),
    planned: z.number(),
    actual: z.number(),
    people: ByRole(RollupTotalPeople),
    effective: Share,
  }),
});
export type LedRollup = z.infer<typeof LedRollup>;

/** The roll-up of every region, or of the regions one branch runs. */
export const RollupQuery = z.object({ branchId: Uuid.optional() });
/** The records behind a figure: the measures of a region (or of all), the people of a role. */
export const RollupMeasuresQuery = z.object({ regionId: Uuid.optional(), branchId: Uuid.optional() });
export const RollupPeopleQuery = RollupMeasuresQuery.extend({ role: MeasureRole, cursor: z.string().max(600).optional() });

export const RollupMeasure = z.object({
  id: Uuid,
  title: z.string(),
  regionId: Uuid,
  regionName: z.string(),
  status: MeasureStatus,
  startsOn: z.string(),
  endsOn: z.string(),
  budget: z.number(),
  planned: z.number(),
  actual: z.number(),
  people: ByRole(z.number()),
  /** Whether the measure counts for "still effective" (a follow-up due), and whether it is. */
  followedUp: z.boolean(),
  effective: z.boolean(),
});
export type RollupMeasure = z.infer<typeof RollupMeasure>;
export const RollupMeasures = z.object({ currency: z.string(), items: z.array(RollupMeasure) });
export type RollupMeasures = z.infer<typeof RollupMeasures>;

export const RollupPerson = z.object({
  id: Uuid,
  name: z.string(),
  sex: z.string(),
  measures: z.array(z.object({ id: Uuid, title: z.string(), regionName: z.string() })),
});
export const RollupPeoplePage = z.object({ total: z.number(), items: z.array(RollupPerson), nextCursor: z.string().nullable() });
export type RollupPeoplePage = z.infer<typeof RollupPeoplePage>;

// ---- the umbrella's roll-up over its branches (organisations of their own) ----

/** A region of a branch that shares upward: its ISO 3166-2 code in `region`, figures in the branch's currency. */
export const UmbrellaRollupRegion = z.object({
  id: Uuid, name: z.string(), region: z.string(), district: z.string().nullable(),
  measures: z.number(), budget: z.number(), planned: z.number(), actual: z.number(),
  people: ByRole(RollupPeople),
  /** Measures still effective at their latest follow-up, among those with one due (on the branch's today). */
  effective: Share,
});
export type UmbrellaRollupRegion = z.infer<typeof UmbrellaRollupRegion>;
/** A branch: its totals always (counts cross, as for members); its regions only when it shares upward (`null` otherwise). */
export const UmbrellaRollupBranch = z.object({
  id: Uuid, name: z.string(), sharesUpward: z.boolean(), currency: z.string(),
  regions: z.array(UmbrellaRollupRegion).nullable(),
  total: z.object({ measures: z.number(), budget: z.number(), planned: z.number(), actual: z.number(), people: ByRole(RollupTotalPeople), effective: Share }),
});
export type UmbrellaRollupBranch = z.infer<typeof UmbrellaRollupBranch>;
export const LedUmbrellaRollup = z.object({
  branches: z.array(UmbrellaRollupBranch),
  total: z.object({
    branches: z.number(),
    measures: z.number(),
    /** Budgets added up per currency (branches may keep different ones). */
    money: z.array(z.object({ currency: z.string(), budget: z.number(), planned: z.number(), actual: z.number() })),
    /** People once per branch; nobody is linked across branches (organisations of their own), so `people` is Σ of the branches'. */
    people: ByRole(RollupTotalPeople.extend({ sumOfBranches: z.number() })),
    /** Pooled over the branches' measures (Σ still effective / Σ with a follow-up due), never an average of their percentages. */
    effective: Share,
  }),
});
export type LedUmbrellaRollup = z.infer<typeof LedUmbrellaRollup>;
/** The measures behind a branch's figures, each with its own, and whether it counts for the share still effective and is. */
export const UmbrellaRollupMeasures = z.object({
  branch: z.object({ id: Uuid, name: z.string() }),
  currency: z.string(),
  items: z.array(RollupMeasure),
});
export type UmbrellaRollupMeasures = z.infer<typeof UmbrellaRollupMeasures>;
export const UmbrellaBranchParams = z.object({ branchId: Uuid });
export const UmbrellaMeasuresQuery = z.object({ regionId: Uuid.optional() });
export const UmbrellaPeopleQuery = UmbrellaMeasuresQuery.extend({ role: MeasureRole, cursor: z.string().max(600).optional() });

// ---- the boundary file of the map ----

export const BoundaryUpload = z.object({
  fileName: z.string().trim().min(1).max(200),
  /** The file's text; checked on the server (led/geojson.ts), which names what is wrong. */
  geojson: z.string().min(1),
  /** The property that names a region; without it, the one matching the most regions. */
  property: z.string().max(200).optional(),
});
export type BoundaryUpload = z.infer<typeof BoundaryUpload>;
export const BoundaryPropertyInput = z.object({ property: z.string().min(1).max(200) });

/** [longitude, latitude] */
const Position = z.tuple([z.number(), z.number()]);
export const LedBoundaries = z.object({
  file: z.object({
    fileName: z.string(),
    property: z.string(),
    /** Properties every feature has as text or a number: the admin's choice. */
    namingProperties: z.array(z.string()),
    featureCount: z.number(),
    sizeBytes: z.number(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  }).nullable(),
  shapes: z.array(z.object({
    /** The feature's value of the chosen property. */
    name: z.string(),
    regionId: Uuid.nullable(),
    /** Polygons, each rings (outer first), each [lon, lat] positions. */
    polygons: z.array(z.array(z.array(Position))),
  })),
  /** Regions no feature names: shown in the table, missing on the map. */
  unmatchedRegions: z.array(z.object({ id: Uuid, name: z.string() })),
});
export type LedBoundaries = z.infer<typeof LedBoundaries>;
