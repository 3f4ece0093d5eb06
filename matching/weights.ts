/** Component weights are data: a default set, overridable per tenant. */
import { COMPONENT_KEYS } from "./types.ts";
import type { ComponentKey, Side } from "./types.ts";

/** Weight per component plus the share of each side in the final score. */
export interface Weights {
  readonly components: Readonly<Record<ComponentKey, number>>;
  /** Share of enterprise-side fit in the final score; the talent side gets 1 - this. */
  readonly enterpriseShare: number;
}

/** Which side each component speaks for. */
export const COMPONENT_SIDE: Readonly<Record<ComponentKey, Side>> = {
  skills: "enterprise",
  industry: "enterprise",
  occupation: "enterprise",
  education: "enterprise",
  qualification: "enterprise",
  experience: "enterprise",
  category: "enterprise",
  urgency: "enterprise",
  location: "talent",
  mode: "talent",
  salary: "talent",
};

/** Defaults: relevance first; hard requirements next; preferences of the talent on their own side. */
export const DEFAULT_WEIGHTS: Weights = Object.freeze({
  components: Object.freeze({
    skills: 34,
    industry: 12,
    occupation: 12,
    education: 10,
    qualification: 10,
    experience: 12,
    category: 6,
    urgency: 4,
    location: 40,
    mode: 30,
    salary: 30,
  }),
  enterpriseShare: 0.6,
});

/** A tenant's overrides: any subset of component weights and the enterprise share. */
export interface WeightOverrides {
  components?: Partial<Record<string, unknown>>;
  enterpriseShare?: unknown;
}

/** Thrown for invalid overrides; `field` names the offending key for a per-field error. */
export class InvalidWeightsError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = "InvalidWeightsError";
    this.field = field;
  }
}

/**
 * Validates tenant overrides and merges them over the defaults. Weights must be finite and in
 * 0–100; unknown keys are rejected; each side must keep at least one positive weight.
 */
export function resolveWeights(overrides?: WeightOverrides | null, base: Weights = DEFAULT_WEIGHTS): Weights {
  const components: Record<ComponentKey, number> = { ...base.components };
  for (const [key, raw] of Object.entries(overrides?.components ?? {})) {
    if (!(COMPONENT_KEYS as readonly string[]).includes(key)) {
      throw new InvalidWeightsError(`components.${key}`, `unknown component "${key}"`);
    }
    if (typeof raw !== "number" || !Number.isFinite(raw) || raw < 0 || raw > 100) {
      throw new InvalidWeightsError(`components.${key}`, "weight must be a number in 0–100");
    }
    components[key as ComponentKey] = raw;
  }
  let enterpriseShare = base.enterpriseShare;
  if (overrides?.enterpriseShare !== undefined) {
    const s = overrides.enterpriseShare;
    if (typeof s !== "number" || !Number.isFinite(s) || s < 0 || s > 1) {
      throw new InvalidWeightsError("enterpriseShare", "enterpriseShare must be a number in 0–1");
    }
    enterpriseShare = s;
  }
  for (const side of ["enterprise", "talent"] as const) {
    const total = COMPONENT_KEYS.filter((k) => COMPONENT_SIDE[k] === side).reduce((a, k) => a + components[k], 0);
    if (total <= 0) throw new InvalidWeightsError("components", `the ${side} side needs at least one positive weight`);
  }
  return Object.freeze({ components: Object.freeze(components), enterpriseShare });
}
